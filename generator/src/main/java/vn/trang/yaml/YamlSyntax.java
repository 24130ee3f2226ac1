package vn.trang.yaml;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.text.ControlChars;

/**
 * YAML text to the nodes {@link YamlMap} reads: a syntax error, nesting past
 * {@link #MAX_DEPTH} levels, a control character in a value, or a root that is not a mapping is
 * reported once, at its line and column, and the text gives no map.
 */
final class YamlSyntax {

    private YamlSyntax() {
    }

    /** Collections one inside another, at most (the composer recurses once per level). */
    public static final int MAX_DEPTH = 32;

    /**
     * Parses one YAML document whose root must be a mapping (see {@link YamlMap#parse}).
     *
     * @param lineOffset how many lines of the file precede the YAML text (front matter starts
     *                   after the opening {@code ---})
     * @return empty after reporting an error when the text is not a YAML mapping
     */
    static Optional<YamlMap> parse(String text, String file, int lineOffset, Diagnostics d) {
        Node root;
        try {
            // the whole text in the reader's buffer: a long scalar grows a smaller one by copying
            // it again and again (a 2 MB value took 9 s)
            LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true)
                    .setBufferSize(Math.max(1024, text.length() + 1)).build();
            Composer composer = new Composer(settings,
                    new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text))));
            root = composer.getSingleNode().orElse(null);
        } catch (DepthLimitedParser.TooDeep e) {
            SourcePos pos = e.mark == null ? new SourcePos(file, lineOffset + 1, 1)
                    : new SourcePos(file, e.mark.getLine() + 1 + lineOffset, e.mark.getColumn() + 1);
            d.error(pos, "YAML lồng nhau quá " + MAX_DEPTH + " tầng",
                    "tối đa " + MAX_DEPTH + " tầng danh sách và nhóm khóa: giá trị lồng trong nhau",
                    "bớt các tầng '[', '{' hoặc thụt lề; kiểm tra ngoặc mở mà không đóng");
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            SourcePos pos = m == null ? new SourcePos(file, lineOffset + 1, 1)
                    : new SourcePos(file, m.getLine() + 1 + lineOffset, m.getColumn() + 1);
            d.error(pos, "YAML sai cú pháp: " + describe(e),
                    "mỗi dòng dạng \"khóa: giá trị\"; chuỗi có dấu ':' hoặc '#' phải đặt trong ngoặc kép",
                    "kiểm tra dòng này và dòng ngay trên; ví dụ: title: \"Thông báo: lịch tiếp công dân\"");
            return Optional.empty();
        } catch (YamlEngineException e) {
            d.error(new SourcePos(file, lineOffset + 1, 1), "YAML sai cú pháp: " + e.getMessage(),
                    "YAML hợp lệ", "kiểm tra cú pháp YAML");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(YamlMap.empty(file, lineOffset, d));
        }
        if (!withoutControlCharacters(root, file, lineOffset, d)) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            d.error(YamlMap.position(file, lineOffset, root), "phần đầu YAML phải là các dòng \"khóa: giá trị\"",
                    FieldType.MAP.description(), "ví dụ: title: Tiêu đề");
            return Optional.empty();
        }
        return Optional.of(YamlMap.of(file, lineOffset, d, mapping));
    }

    /**
     * Reports each value or key holding a control character: double-quoted escapes ("\e", "\0",
     * "\a", "\x85") make them, and one in a title makes the site's RSS feed unreadable.
     */
    private static boolean withoutControlCharacters(Node root, String file, int lineOffset, Diagnostics d) {
        boolean clean = true;
        ArrayDeque<Node> todo = new ArrayDeque<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue; // an alias: already looked at
            }
            if (n instanceof ScalarNode s) {
                int at = ControlChars.firstForbidden(s.getValue());
                if (at >= 0) {
                    clean = false;
                    d.error(YamlMap.position(file, lineOffset, n), "giá trị có ký tự điều khiển "
                                    + ControlChars.describe(s.getValue().charAt(at)) + " (thường do mã thoát như \\e, \\0, \\a trong ngoặc kép)",
                            "chữ, số, dấu câu; xuống dòng viết \\n",
                            "xóa mã thoát hoặc ký tự lạ khỏi giá trị này");
                }
            } else if (n instanceof SequenceNode seq) {
                seq.getValue().forEach(todo::push);
            } else if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    todo.push(t.getValueNode());
                    todo.push(t.getKeyNode());
                }
            }
        }
        return clean;
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        return (context.isEmpty() ? problem : context + ", " + problem).replaceAll("\\s+", " ").trim();
    }
}
