package vn.trang.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * flexmark's autolink extension, with the same output, made cheap for text without links
 * (issue 7: it took a third of Markdown parsing, running a regular expression over every text
 * node of every page).
 *
 * <p>flexmark's processor finds links in a text node's unescaped text: URLs ("scheme://", found at
 * a ':' followed by "//"), "www." addresses (found at a 'w') and e-mail addresses (found at an
 * '@'). Text that has none of "://", 'w' and '@' — nor a backslash escape or a character
 * reference, which could unescape to one — holds no link, and the processor would leave its node
 * as it is: such nodes are skipped; every other node goes to flexmark's processor unchanged.
 */
final class Autolinks implements Parser.ParserExtension {

    static Autolinks create() {
        return new Autolinks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether flexmark's processor could find a link in this text. */
    static boolean mayHoldLink(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 'w' || c == '@' || c == '&' || c == '\\'
                    || (c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static final class Processor extends NodePostProcessor {
        private final AutolinkNodePostProcessor flexmark;

        Processor(Document document) {
            flexmark = new AutolinkNodePostProcessor(document);
        }

        @Override
        public void process(NodeTracker state, Node node) {
            // flexmark also reads on into typographic nodes after this one: not skipped then
            if (!(node.getNext() instanceof TypographicText) && !mayHoldLink(node.getChars())) {
                return;
            }
            flexmark.process(state, node);
        }
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor(document);
        }
    }
}
