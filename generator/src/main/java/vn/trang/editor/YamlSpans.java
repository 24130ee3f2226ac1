package vn.trang.editor;

import java.util.List;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Where each node of a YAML text is written, in the text's own characters: the parser's marks
 * count code points and let a block collection run on over the blank and comment lines after it,
 * so a node's span here ends where its last value ends.
 */
final class YamlSpans {

    private final String text;
    private final boolean surrogates;

    YamlSpans(String text) {
        this.text = text;
        this.surrogates = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    String text() {
        return text;
    }

    /** The line break the text uses ("\r\n" when its first one is), for lines fmt adds. */
    String lineBreak() {
        int n = text.indexOf('\n');
        return n > 0 && text.charAt(n - 1) == '\r' ? "\r\n" : "\n";
    }

    int start(Node n) {
        return offset(n.getStartMark().orElseThrow());
    }

    /** Where the node's own text ends (for a block collection: its last value's end). */
    int end(Node n) {
        if (n instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK) {
            List<?> items = c.getValue();
            if (!items.isEmpty()) {
                Object last = items.get(items.size() - 1);
                return end(last instanceof NodeTuple t ? t.getValueNode() : (Node) last);
            }
        }
        int end = offset(n.getEndMark().orElseThrow());
        if (n instanceof ScalarNode s && (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED)) {
            while (end > start(n) && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    String of(Node n) {
        return text.substring(start(n), end(n));
    }

    /** Column of the node's first character (0-based), as YAML counts indentation. */
    int column(Node n) {
        return n.getStartMark().orElseThrow().getColumn();
    }

    int line(Node n) {
        return n.getStartMark().orElseThrow().getLine();
    }

    /** Whether the node's text starts with an anchor, a tag or an alias: fmt leaves such values alone. */
    boolean decorated(Node n) {
        int s = start(n);
        return s < text.length() && "&!*".indexOf(text.charAt(s)) >= 0;
    }

    /** A scalar written on one line, without block indicators: its text can move as it is. */
    boolean oneLine(ScalarNode s) {
        return s.getScalarStyle() != ScalarStyle.LITERAL && s.getScalarStyle() != ScalarStyle.FOLDED
                && of(s).indexOf('\n') < 0 && of(s).indexOf('\r') < 0;
    }

    static boolean flow(Node n) {
        return (n instanceof SequenceNode || n instanceof MappingNode) && ((CollectionNode<?>) n).getFlowStyle() == FlowStyle.FLOW;
    }

    private int offset(Mark m) {
        int cp = m.getIndex();
        return surrogates ? text.offsetByCodePoints(0, Math.min(cp, text.codePointCount(0, text.length()))) : cp;
    }
}
