package vn.trang.parse;

/**
 * A content file split into its YAML front matter and Markdown body.
 *
 * @param yaml      the text between the two {@code ---} lines
 * @param body      the Markdown after the closing line
 * @param bodyLine  1-based line of the file where the body starts
 */
public record FrontMatter(String yaml, String body, int bodyLine) {
}
