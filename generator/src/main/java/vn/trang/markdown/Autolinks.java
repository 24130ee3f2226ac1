package vn.trang.markdown;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.LinkNode;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.Range;
import com.vladsch.flexmark.util.sequence.ReplacedTextMapper;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * flexmark's autolink extension, with the same output, made cheap for text without links
 * (it took a third of Markdown parsing, running a regular expression over every text
 * node of every page).
 *
 * <p>flexmark's processor finds links in a text node's unescaped text: URLs ("scheme://", found at
 * a ':' followed by "//"), "www." addresses (found at a 'w') and e-mail addresses (found at an
 * '@'). Text that has none of "://", 'w' and '@' — nor a backslash escape or a character
 * reference, which could unescape to one — holds no link, and the processor would leave its node
 * as it is: such nodes are skipped. Every other node goes through flexmark's processor, ported
 * here so that its search for a bare "scheme://" takes linear time (see {@link Processor}).
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

    /**
     * flexmark's {@code AutolinkNodePostProcessor.process} (0.64.8, BSD-2-Clause), with its
     * defaults (no ignored links, no IntelliJ dummy identifier), except where it looks for a bare
     * "scheme://": flexmark runs {@link #URI_PREFIX} over the whole text, which backtracks over every
     * run of scheme characters from each of its letters (quadratic: "www." and 40,000 "a." took
     * 30 s). Here the same expression runs only on the run of scheme characters just before each
     * "://", so each character is read a bounded number of times; the matches are the same.
     */
    private static final class Processor extends NodePostProcessor {
        private final LinkExtractor linkExtractor = LinkExtractor.builder()
                .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL))
                .build();

        @Override
        public void process(NodeTracker state, Node node) {
            // flexmark also reads on into typographic nodes after this one: not skipped then
            if (!(node.getNext() instanceof TypographicText) && !mayHoldLink(node.getChars())) {
                return;
            }
            FileBudget.check();
            link(state, node);
        }

        private void link(NodeTracker state, Node node) {
            if (node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) != null) {
                return;
            }
            BasedSequence combined = node.getChars();
            BasedSequence original = combined;
            Node firstNode = node;
            Node lastNode = node;
            List<Range> htmlEntities = new ArrayList<>();

            if (node.getNext() instanceof TypographicText || node.getNext() instanceof HtmlEntity) {
                // absorbed, in case it is part of the link
                if (node.getNext().getChars().isContinuationOf(combined)) {
                    Node typographic = node.getNext();
                    List<BasedSequence> combinedSequences = new ArrayList<>();
                    combinedSequences.add(combined);
                    while (typographic instanceof TypographicText || typographic instanceof HtmlEntity
                            || typographic instanceof Text) {
                        if (!typographic.getChars().isContinuationOf(combined) || typographic.getChars().startsWith(" ")
                                || combined.endsWith(" ")) {
                            break;
                        }
                        combined = typographic.getChars();
                        if (typographic instanceof HtmlEntity) {
                            htmlEntities.add(Range.of(combined.getStartOffset(), combined.getEndOffset()));
                        }
                        combinedSequences.add(combined);
                        lastNode = typographic;
                        typographic = typographic.getNext();
                    }
                    original = SegmentedSequence.create(node.getChars(), combinedSequences);
                }
            }

            ReplacedTextMapper textMapper = new ReplacedTextMapper(original);
            BasedSequence unescapedHtml = htmlEntities.isEmpty() ? original
                    : Escaping.unescapeHtml(original, htmlEntities, textMapper);
            BasedSequence literal = Escaping.unescape(unescapedHtml, textMapper);

            List<LinkSpan> linksList = new ArrayList<>();
            for (LinkSpan link : linkExtractor.extractLinks(literal)) {
                linksList.add(link);
            }
            for (LinkSpan bare : barePrefixes(literal.toString())) {
                int start = bare.getBeginIndex();
                int end = bare.getEndIndex();
                if (linksList.isEmpty()) {
                    linksList.add(bare);
                } else {
                    int iMax = linksList.size();
                    boolean skip = false;
                    for (int i = 0; i < iMax; i++) {
                        LinkSpan link = linksList.get(i);
                        if (end < link.getBeginIndex()) {
                            linksList.add(i, bare);
                            skip = true;
                            break;
                        } else if (start >= link.getBeginIndex() && end <= link.getEndIndex()) {
                            skip = true;
                            break;
                        }
                    }
                    if (!skip) {
                        linksList.add(bare);
                    }
                }
            }

            int lastEscaped = 0;
            boolean wrapInTextBase = !(node.getParent() instanceof TextBase);
            TextBase textBase = wrapInTextBase ? null : (TextBase) node.getParent();
            boolean processedNode = false;

            for (LinkSpan link : linksList) {
                BasedSequence linkText = literal.subSequence(link.getBeginIndex(), link.getEndIndex()).trimEnd();
                int startOffset = textMapper.originalOffset(link.getBeginIndex());
                processedNode = true;
                if (lastEscaped == 0 && firstNode != lastNode && startOffset >= node.getChars().length()) {
                    // the first link is not in the first text node: the next node's turn does it
                    return;
                }
                if (wrapInTextBase) {
                    wrapInTextBase = false;
                    textBase = new TextBase(original);
                    node.insertBefore(textBase);
                    state.nodeAdded(textBase);
                }
                if (startOffset > lastEscaped) {
                    Node before = new Text(original.subSequence(lastEscaped, startOffset));
                    if (textBase != null) {
                        textBase.appendChild(before);
                    } else {
                        node.insertBefore(before);
                    }
                    state.nodeAdded(before);
                }
                BasedSequence linkChars = linkText.baseSubSequence(linkText.getStartOffset(), linkText.getEndOffset());
                Text contentNode = new Text(linkChars);
                LinkNode linkNode;
                if (link.getType() == LinkType.EMAIL) {
                    MailLink mail = new MailLink();
                    mail.setText(linkChars);
                    linkNode = mail;
                } else {
                    AutoLink auto = new AutoLink();
                    auto.setText(linkChars);
                    auto.setUrlChars(linkChars);
                    linkNode = auto;
                }
                linkNode.setCharsFromContent();
                linkNode.appendChild(contentNode);
                if (textBase != null) {
                    textBase.appendChild(linkNode);
                } else {
                    node.insertBefore(linkNode);
                }
                state.nodeAddedWithChildren(linkNode);
                lastEscaped = textMapper.originalOffset(link.getBeginIndex() + linkText.length());
            }

            if (lastEscaped > 0) {
                if (firstNode != lastNode) {
                    // remove the typographic nodes taken in; keep the ones after the last link
                    Node removeNode = firstNode.getNext();
                    int length = node.getChars().length();
                    while (removeNode != null) {
                        if (length >= lastEscaped) {
                            original = original.subSequence(0, length);
                            break;
                        }
                        length += removeNode.getChars().length();
                        Node next = removeNode.getNext();
                        removeNode.unlink();
                        state.nodeRemoved(removeNode);
                        if (removeNode == lastNode) {
                            break;
                        }
                        removeNode = next;
                    }
                }
                if (lastEscaped < original.length()) {
                    Node after = new Text(original.subSequence(lastEscaped, original.length()));
                    if (textBase != null) {
                        textBase.appendChild(after);
                    } else {
                        node.insertBefore(after);
                    }
                    state.nodeAdded(after);
                }
            }
            if (processedNode) {
                node.unlink();
                state.nodeRemoved(node);
            }
        }
    }

    /** What flexmark takes for a bare "scheme://" followed by a space or the end (group 1 is the link). */
    static final Pattern URI_PREFIX = Pattern.compile("\\b([a-z][a-z0-9+.-]*://)(?:\\s|$)");

    /**
     * The matches of {@link #URI_PREFIX} found one after another in {@code s}, as flexmark's
     * {@code find()} loop finds them, in linear time: a match ends in "://", and its scheme is the
     * run of scheme characters just before it (':' ends a run), so the expression is run on that
     * run alone (transparent bounds: the word boundary and the end see the whole text).
     */
    static List<LinkSpan> barePrefixes(String s) {
        List<LinkSpan> out = new ArrayList<>(0);
        Matcher m = URI_PREFIX.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int k = s.indexOf("://"); k >= 0; k = s.indexOf("://", k + 1)) {
            int runStart = k;
            while (runStart > from && schemeChar(s.charAt(runStart - 1))) {
                runStart--;
            }
            if (runStart == k) {
                continue;
            }
            m.region(runStart, Math.min(s.length(), k + 4));
            if (m.find()) {
                out.add(new Bare(m.start(1), m.end(1)));
                from = m.end();
            }
        }
        return out;
    }

    private static boolean schemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    /** A bare "scheme://" link. */
    private record Bare(int getBeginIndex, int getEndIndex) implements LinkSpan {
        @Override
        public LinkType getType() {
            return LinkType.URL;
        }
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor();
        }
    }
}
