package vn.trang.markdown;

import java.util.Set;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Thematic breaks ({@code ***}, {@code - - -}, {@code ___}) found the way flexmark's core parser
 * finds them, by a loop instead of its regular expression: the expression recurses once per
 * character, and a break line of a few thousand characters overflowed the stack. Replaces the core
 * parser (switched off with {@link Parser#THEMATIC_BREAK_PARSER}), same order among block starts,
 * same node.
 */
final class ThematicBreaks implements Parser.ParserExtension {

    static ThematicBreaks create() {
        return new ThematicBreaks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(Parser.THEMATIC_BREAK_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    /**
     * Whether a line (from its first non-space character, without its line end) is a break: three
     * or more of one of '*', '-', '_', with only spaces and tabs between and after them.
     */
    static boolean isBreak(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        char marker = s.charAt(0);
        if (marker != '*' && marker != '-' && marker != '_') {
            return false;
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == marker) {
                count++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    private static final class Factory implements CustomBlockParserFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(BlockQuoteParser.Factory.class, HeadingParser.Factory.class,
                    FencedCodeBlockParser.Factory.class, HtmlBlockParser.Factory.class);
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new BlockFactory(options);
        }
    }

    private static final class BlockFactory extends AbstractBlockParserFactory {
        private final boolean relaxedStart;

        BlockFactory(DataHolder options) {
            super(options);
            relaxedStart = Parser.THEMATIC_BREAK_RELAXED_START.get(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4 || matchedBlockParser.getBlockParser().isParagraphParser() && !relaxedStart) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            if (isBreak(line.subSequence(state.getNextNonSpaceIndex(), line.length()))) {
                return BlockStart.of(new ThematicBreakParser(line.subSequence(state.getIndex()))).atIndex(line.length());
            }
            return BlockStart.none();
        }
    }
}
