package vn.trang.render;

import java.util.Map;

import vn.trang.model.Site;

/**
 * One file to write: a template with its model, or ready text (exports).
 *
 * @param path     file path under the output root, e.g. {@code so-tai-chinh/tin-tuc/index.html}
 * @param template template name in the theme, or null for a text output
 * @param model    the template's data model (the template boundary: maps end here)
 * @param origin   what the page comes from, for diagnostics (a source file or a site file)
 * @param text     the file's content when there is no template, else null
 */
public record Output(Site site, String path, String template, Map<String, Object> model, String origin, String text) {

    public Output(Site site, String path, String template, Map<String, Object> model, String origin) {
        this(site, path, template, model, origin, null);
    }

    /** A file whose content is already made (CSV, JSON). */
    public static Output text(Site site, String path, String content, String origin) {
        return new Output(site, path, null, Map.of(), origin, content);
    }

    /** Content written out piece by piece rather than held whole. */
    @FunctionalInterface
    public interface Streamed {
        void writeTo(Appendable out) throws java.io.IOException;
    }

    private static final String STREAMED = "streamed";
    private static final String INPUTS = "inputs";

    /**
     * A file written as it is made (issue 7: the portal's open-data exports of a whole province
     * are hundreds of megabytes as one string): no template, no text, the content in the model.
     *
     * @param inputs everything {@code content} reads (records, lists, strings), so that the build
     *               cache can tell the file is unchanged without making it; null if unknown
     */
    public static Output streamed(Site site, String path, Streamed content, String origin, Object inputs) {
        return new Output(site, path, null, inputs == null ? Map.of(STREAMED, content)
                : Map.of(STREAMED, content, INPUTS, inputs), origin, null);
    }

    /** What a {@link #streamed} output's content is made from, or null when not said. */
    public Object inputs() {
        return streamed() == null ? null : model.get(INPUTS);
    }

    /** The content of a {@link #streamed} output, else null. */
    public Streamed streamed() {
        return template == null && text == null && model.get(STREAMED) instanceof Streamed s ? s : null;
    }

    /** The whole content of a text or streamed output (tests, small sites). */
    public String content() {
        if (text != null) {
            return text;
        }
        Streamed s = streamed();
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        try {
            s.writeTo(sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }
}
