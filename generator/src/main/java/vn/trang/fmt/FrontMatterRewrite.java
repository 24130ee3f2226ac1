package vn.trang.fmt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.Severity;
import vn.trang.editor.WidgetShapes;
import vn.trang.load.SourceFile;
import vn.trang.parse.ContentParser;
import vn.trang.yaml.YamlMap;

/**
 * One content file's front matter in the long forms the editor reads ({@link WidgetShapes}):
 * only the values in a short form change, every other byte (comments, order, quoting, line
 * ends, a byte-order mark, the body) stays. The result is parsed again and must be accepted by
 * the parser and read by the editor, or the file is left as it was.
 */
final class FrontMatterRewrite {

    /**
     * @param text     the file's new bytes, or null when nothing changes
     * @param findings each value in a short form, at its position in the file
     * @param problems why the file is left as it is (it does not parse, or cannot be rewritten)
     */
    record Outcome(byte[] text, List<Diagnostic> findings, List<Diagnostic> problems) {
    }

    private static final String BOM = "\uFEFF";

    private FrontMatterRewrite() {
    }

    /**
     * @param bytes  the file as read; the parser has accepted it
     * @param fields its collection's fields in the generated config.yml
     */
    static Outcome of(SourceFile source, byte[] bytes, List<Map<String, Object>> fields, ContentParser parser) {
        String file = source.display();
        String raw = new String(bytes, StandardCharsets.UTF_8);
        String bom = raw.startsWith(BOM) ? BOM : "";
        String text = raw.substring(bom.length());
        Optional<int[]> yaml = yamlBounds(text);
        if (yaml.isEmpty()) {
            return refused(file, "không tìm thấy phần đầu YAML giữa hai dòng '---'");
        }
        int from = yaml.get()[0];
        int to = yaml.get()[1];
        String front = text.substring(from, to);
        Optional<YamlMap> map = YamlMap.parse(front, file, 1, new Diagnostics());
        if (map.isEmpty() || map.get().node() == null) {
            return new Outcome(null, List.of(), List.of());
        }
        WidgetShapes.Result r = WidgetShapes.check(fields, map.get().node(), front);
        List<Diagnostic> findings = new ArrayList<>();
        r.findings().forEach(f -> findings.add(diagnostic(file, f)));
        findings.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        List<Diagnostic> problems = new ArrayList<>();
        for (WidgetShapes.Finding f : r.unfixable()) {
            problems.add(new Diagnostic(Severity.ERROR, file, f.line() + 2, f.column() + 1,
                    "'" + f.key() + "': " + f.problem() + "; trang fmt không tự viết lại được",
                    f.expected(), "sửa tay theo dạng ở dòng cần"));
        }
        if (r.edits().isEmpty() || !problems.isEmpty()) {
            return new Outcome(null, findings, problems);
        }
        StringBuilder sb = new StringBuilder(front);
        List<WidgetShapes.Edit> edits = new ArrayList<>(r.edits());
        for (int i = edits.size() - 1; i >= 0; i--) {
            WidgetShapes.Edit e = edits.get(i);
            sb.replace(e.start(), e.end(), e.text());
        }
        String rewritten = bom + text.substring(0, from) + sb + text.substring(to);
        byte[] out = rewritten.getBytes(StandardCharsets.UTF_8);
        String why = stillGood(source, out, fields, parser);
        if (why != null) {
            return refused(file, why);
        }
        return new Outcome(out, findings, List.of());
    }

    /** Why the rewritten file is not right, or null when the parser accepts it and the editor reads it. */
    private static String stillGood(SourceFile source, byte[] out, List<Map<String, Object>> fields, ContentParser parser) {
        Diagnostics d = new Diagnostics();
        if (parser.parse(source, out, d).isEmpty() || d.hasErrors()) {
            return "bản viết lại không qua được bộ đọc nội dung: "
                    + d.list().stream().filter(Diagnostic::isError).map(Diagnostic::message).findFirst().orElse("?");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        text = text.startsWith(BOM) ? text.substring(1) : text;
        int[] b = yamlBounds(text).orElse(null);
        if (b == null) {
            return "bản viết lại mất phần đầu YAML";
        }
        String front = text.substring(b[0], b[1]);
        YamlMap again = YamlMap.parse(front, source.display(), 1, new Diagnostics()).orElse(null);
        if (again == null || !WidgetShapes.check(fields, again.node(), front).editorReads()) {
            return "bản viết lại vẫn chưa đúng dạng trình soạn thảo đọc";
        }
        return null;
    }

    private static Outcome refused(String file, String why) {
        return new Outcome(null, List.of(), List.of(new Diagnostic(Severity.ERROR, file, 1, 1,
                "không viết lại được phần đầu: " + why, "phần đầu ở dạng đầy đủ (docs/CONTENT.md)",
                "sửa tay các giá trị ở dạng gọn, rồi chạy lại trang fmt --check")));
    }

    private static Diagnostic diagnostic(String file, WidgetShapes.Finding f) {
        // the YAML text starts on the file's second line, after "---"
        return new Diagnostic(Severity.ERROR, file, f.line() + 2, f.column() + 1,
                "trình soạn thảo không đọc được '" + f.key() + "': " + f.problem(), "dạng đầy đủ: " + f.expected(),
                "chạy trang fmt (chỉ viết lại các giá trị này)");
    }

    /**
     * Where the YAML text is: after the opening {@code ---} line, up to the closing {@code ---}
     * or {@code ...} line, with the file's own line ends.
     */
    static Optional<int[]> yamlBounds(String text) {
        int first = text.indexOf('\n');
        if (first < 0 || !text.substring(0, first).replaceFirst("\r$", "").equals("---")) {
            return Optional.empty();
        }
        int at = first + 1;
        while (at <= text.length()) {
            int end = text.indexOf('\n', at);
            String line = (end < 0 ? text.substring(at) : text.substring(at, end)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return Optional.of(new int[] {first + 1, at});
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        return Optional.empty();
    }
}
