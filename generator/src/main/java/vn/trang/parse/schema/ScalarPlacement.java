package vn.trang.parse.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import vn.trang.diag.SourcePos;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.text.SourceText;

/**
 * Where a character of a front matter value written in Markdown (a procedure's step, its
 * conditions) is in the file, so that a warning about it names its own line and column. YAML
 * does not keep the text as written: a block scalar starts on the line after its {@code |},
 * lines lose their indentation, a folded value joins them, quotes and escapes come and go. The
 * value's text is followed through the file from where the value starts, character by
 * character (runs of white space matching runs of white space, escapes stepped over). The file
 * is read only when a warning needs it.
 */
final class ScalarPlacement implements MarkdownRenderer.Placement {

    private final SourceFile file;
    private final SourcePos start;
    private final String text;
    private String source;

    /**
     * @param file  the content file, or null (the value's own lines are then taken as the file's)
     * @param start where the value starts: its first character, its quote, or its {@code |}/{@code >}
     * @param text  the value as YAML read it
     */
    ScalarPlacement(SourceFile file, SourcePos start, String text) {
        this.file = file;
        this.start = start;
        this.text = text;
    }

    @Override
    public SourcePos at(int line, int column) {
        SourcePos guess = start.at(start.line() + line - 1, line == 1 ? start.column() + column - 1 : column);
        int offset = offset(text, line, column);
        String src = source();
        int p = src == null || offset < 0 ? -1 : offset(src, start.line(), start.column());
        if (p < 0 || p >= src.length()) {
            return guess;
        }
        char first = src.charAt(p);
        if (first == '|' || first == '>') {
            p = src.indexOf('\n', p) + 1; // the text starts on the next line
            if (p == 0) {
                return guess;
            }
        } else if (first == '"' || first == '\'') {
            p++;
        }
        for (int i = 0; i <= offset && i < text.length(); i++) {
            char t = text.charAt(i);
            if (Character.isWhitespace(t) && i < offset) {
                if (p < src.length() && Character.isWhitespace(src.charAt(p))) {
                    while (p < src.length() && Character.isWhitespace(src.charAt(p))) {
                        p++;
                    }
                } else if (p < src.length() && src.charAt(p) == '\\') {
                    p += 2; // an escape that made the white space: \n, \t
                }
                continue;
            }
            int q = src.indexOf(t, p);
            if (q < 0) {
                return guess;
            }
            if (i == offset) {
                return at(src, q);
            }
            p = q + 1;
        }
        return guess;
    }

    private String source() {
        if (source == null && file != null) {
            try {
                source = SourceText.normalise(Files.readString(file.path(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return source;
    }

    /** The offset of a 1-based line and column in a text, or -1. */
    private static int offset(String s, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = s.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        int o = at + column - 1;
        return o >= 0 && o <= s.length() ? o : -1;
    }

    /** The file position of an offset in the file's text. */
    private SourcePos at(String src, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = src.indexOf('\n'); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return start.at(line, offset - lineStart + 1);
    }
}
