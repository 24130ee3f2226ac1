package vn.trang.markdown;

import java.util.Arrays;

/**
 * How deep block quotes and list items nest in a Markdown body, found in one pass over its lines
 * before flexmark sees it: flexmark's parser walks every open container for every line (thousands
 * of nested list items took minutes) and its tree walks recurse once per level (thousands of
 * {@code >} overflowed the stack).
 *
 * <p>A simplified CommonMark container pass: on each line the open quotes ({@code >}) and list
 * items (enough indentation) are matched in turn, then new quote and list markers are opened; a
 * thematic break is not a list marker, and nothing opens inside fenced code. It may count a level
 * more than flexmark where a list ended at a blank line, never fewer where markers nest.
 */
final class MarkdownNesting {

    private static final int QUOTE = -1;

    /** Where the first container past the limit opens (1-based line within the body, column). */
    record TooDeep(int line, int column, int depth) {
    }

    private MarkdownNesting() {
    }

    /** @return the first place nesting goes past {@code limit}, or null */
    static TooDeep find(String markdown, int limit) {
        int[] open = new int[8];
        int depth = 0;
        int fenceDepth = -1;
        char fenceChar = 0;
        int fenceLength = 0;
        boolean previousBlank = true;
        int lineNo = 0;
        int start = 0;
        int n = markdown.length();
        while (start <= n) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            int pos = start;
            int matched = 0;
            while (matched < depth) {
                int indent = spaces(markdown, pos, end);
                boolean blank = pos + indent >= end;
                if (open[matched] == QUOTE) {
                    if (indent <= 3 && !blank && markdown.charAt(pos + indent) == '>') {
                        pos += indent + 1;
                        if (pos < end && markdown.charAt(pos) == ' ') {
                            pos++;
                        }
                    } else {
                        break;
                    }
                } else if (blank) {
                    pos = end;
                } else if (indent >= open[matched]) {
                    pos += open[matched];
                } else {
                    break;
                }
                matched++;
            }
            int indent = spaces(markdown, pos, end);
            boolean blank = pos + indent >= end;
            if (fenceDepth >= 0) {
                if (matched < fenceDepth) {
                    fenceDepth = -1;
                    depth = matched;
                } else if (closesFence(markdown, pos + indent, end, fenceChar, fenceLength)) {
                    fenceDepth = -1;
                }
                previousBlank = blank;
                start = end + 1;
                continue;
            }
            int opened = 0;
            while (true) {
                indent = spaces(markdown, pos, end);
                int at = pos + indent;
                if (indent >= 4 || at >= end) {
                    break;
                }
                char c = markdown.charAt(at);
                int width;
                if (c == '>') {
                    width = QUOTE;
                    pos = at + 1;
                    if (pos < end && markdown.charAt(pos) == ' ') {
                        pos++;
                    }
                } else if ((width = listItem(markdown, at, end)) > 0) {
                    width += indent;
                    pos = Math.min(end, pos + width);
                } else {
                    break;
                }
                if (opened == 0) {
                    depth = matched;
                }
                opened++;
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = width;
                if (depth > limit) {
                    return new TooDeep(lineNo, at - start + 1, depth);
                }
            }
            int rest = pos + spaces(markdown, pos, end);
            if (opened == 0 && matched < depth && (blank || previousBlank)) {
                // not a lazy continuation: the unmatched containers are closed
                depth = matched;
            }
            int fence = fence(markdown, rest, end);
            if (fence > 0) {
                fenceDepth = depth;
                fenceChar = markdown.charAt(rest);
                fenceLength = fence;
            }
            previousBlank = rest >= end;
            start = end + 1;
        }
        return null;
    }

    /** Spaces (a tab counts as four) from {@code pos}, up to the line's end. */
    private static int spaces(String s, int pos, int end) {
        int i = pos;
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i - pos;
    }

    /**
     * The width of a list marker at {@code at} with the spaces after it (what a continuation line
     * must be indented by), or 0 when there is none: "-", "+", "*" or up to nine digits and "." or
     * ")", then a space, a tab or the line's end. A thematic break is not one.
     */
    private static int listItem(String s, int at, int end) {
        char c = s.charAt(at);
        int after;
        if (c == '-' || c == '+' || c == '*') {
            if (ThematicBreaks.isBreak(s.subSequence(at, end))) {
                return 0;
            }
            after = at + 1;
        } else if (c >= '0' && c <= '9') {
            int i = at;
            while (i < end && i - at < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i - at > 9 || i >= end || (s.charAt(i) != '.' && s.charAt(i) != ')')) {
                return 0;
            }
            after = i + 1;
        } else {
            return 0;
        }
        if (after < end && s.charAt(after) != ' ' && s.charAt(after) != '\t') {
            return 0;
        }
        int gap = spaces(s, after, end);
        return after - at + (gap == 0 || gap > 4 ? 1 : gap);
    }

    /** The length of a code fence opening at {@code at} (three or more '`' or '~'), else 0. */
    private static int fence(String s, int at, int end) {
        if (at >= end || (s.charAt(at) != '`' && s.charAt(at) != '~')) {
            return 0;
        }
        char c = s.charAt(at);
        int i = at;
        while (i < end && s.charAt(i) == c) {
            i++;
        }
        return i - at >= 3 ? i - at : 0;
    }

    private static boolean closesFence(String s, int at, int end, char c, int length) {
        int i = at;
        while (i < end && s.charAt(i) == c) {
            i++;
        }
        return i - at >= length && spaces(s, i, end) == end - i;
    }
}
