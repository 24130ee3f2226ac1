package vn.trang.procedure;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The text of the national public service portal's cells, made fit to read: control characters
 * and odd line breaks out, its "no information" value recognised, and prose turned into Markdown
 * that renders as it reads. Every cell parser starts from here.
 */
final class PortalText {

    /** "Không có thông tin": the portal's empty value. */
    static final String NO_INFO = "Không có thông tin";

    private PortalText() {
    }

    /** NFC, no control characters, no-break spaces as spaces, trimmed. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00a0', ' ').replace("\uFEFF", "").replace('\u2028', '\n').replace('\u2029', '\n')
                .replace('\u0085', '\n');
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1));
                if (paired) {
                    sb.append(c).append(t.charAt(++i));
                }
            } else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) || c == '\n' || c == '\t') {
                sb.append(c == '\t' ? ' ' : c);
            }
        }
        return sb.toString().strip();
    }

    /** One line: whitespace runs as one space. */
    static String oneLine(String s) {
        return clean(s).replaceAll("\\s+", " ").strip();
    }

    /** The text, or null when it is the portal's empty value. */
    static String orNull(String s) {
        String t = clean(s);
        return t.isEmpty() || t.equals(NO_INFO) || t.equals("--") ? null : t;
    }

    /** One line of at most 50 characters, for messages. */
    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 50 ? one.substring(0, 47) + "…" : one;
    }

    private static final Pattern BLOCK_START = Pattern.compile("([a-zđ]\\)|\\d{1,2}[.)]|[-+*•]|Bước)\\s.*|[-+*•].*");

    /**
     * Plain text as Markdown that renders as it reads: lines trimmed (no accidental code blocks),
     * "•" bullets as "-", a blank line before each list-like line so it stays on its own line,
     * characters that would start headings, quotes or rules escaped.
     */
    static String markdown(String text) {
        String[] lines = clean(text).split("\n", -1);
        StringBuilder sb = new StringBuilder();
        boolean blank = true;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (!blank) {
                    sb.append('\n');
                    blank = true;
                }
                continue;
            }
            if (line.startsWith("•")) {
                line = "-" + line.substring(1);
            }
            if (line.matches("[#>=|~`].*") || line.matches("[-_*]{3,}.*")) {
                line = "\\" + line;
            }
            if (!blank && BLOCK_START.matcher(line).matches()) {
                sb.append('\n');
            }
            sb.append(line.replace("<", "\\<")).append('\n');
            blank = false;
        }
        return sb.toString().strip();
    }
}
