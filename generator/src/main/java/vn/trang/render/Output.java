package vn.trang.render;

import vn.trang.model.Site;

/**
 * One file to write: a template with its view, ready text, or content written as it is made.
 * Exactly one of {@code template}, {@code text} and {@code streamed} is set (none once the
 * output is {@linkplain #withoutContent() only remembered}).
 *
 * @param path     file path under the output root, e.g. {@code so-tai-chinh/tin-tuc/index.html}
 * @param template template name in the theme, or null
 * @param view     what the template receives, or null
 * @param origin   what the file comes from, for diagnostics (a source file or a site file)
 * @param text     the file's content, or null
 * @param streamed writes the file's content, or null
 * @param inputs   everything {@code streamed} reads (records, lists, strings), so that the build
 *                 cache can tell the file is unchanged without making it; null if not said
 */
public record Output(Site site, String path, String template, View view, String origin, String text,
                     Streamed streamed, Object inputs) {

    /** A page: a template and its view. */
    public Output(Site site, String path, String template, View view, String origin) {
        this(site, path, template, view, origin, null, null, null);
    }

    /** A file whose content is already made (CSV, JSON). */
    public static Output text(Site site, String path, String content, String origin) {
        return new Output(site, path, null, null, origin, content, null, null);
    }

    /** Content written out piece by piece rather than held whole. */
    @FunctionalInterface
    public interface Streamed {
        void writeTo(Appendable out) throws java.io.IOException;
    }

    /**
     * A file written as it is made: the portal's open-data exports of a whole province are
     * hundreds of megabytes as one string.
     */
    public static Output streamed(Site site, String path, Streamed content, String origin, Object inputs) {
        return new Output(site, path, null, null, origin, null, content, inputs);
    }

    /**
     * The same output without what it is made of, as a build remembers every output it planned
     * (paths, origins and templates for collisions and link reports) without holding the pages.
     */
    public Output withoutContent() {
        return new Output(site, path, template, null, origin, null, null, null);
    }

    /** The whole content of a text or streamed output (tests, small sites). */
    public String content() {
        if (text != null) {
            return text;
        }
        if (streamed == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        try {
            streamed.writeTo(sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }
}
