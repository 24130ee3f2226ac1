package vn.trang.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.parse.FrontMatter;
import vn.trang.parse.FrontMatterSplitter;
import vn.trang.text.SourceText;

/**
 * Finds where a link of a built page is written in its content file, for diagnostics. The
 * Markdown is read again as the build reads it, and each link and image it keeps (inline,
 * reference, autolink, raw HTML) is resolved as the link check resolves the page's links: the
 * first one that leads to the broken target is the place, at its own line and column — not the
 * first text that looks like it, which may be a mention in a sentence or another link on an
 * earlier line. Markdown in the front matter (procedure steps, conditions) is read line by line.
 * Only when no link leads there (a template's link, a front matter file name) is the target's
 * text looked for, most precise first. Only used for links found broken: files are read on demand
 * and kept for the next finding.
 */
final class SourceLines {

    /** A link of a content file: the target it resolves to, where it is written. */
    private record Placed(String target, String url, int line, int column) {
    }

    private final Path root;
    private final LinkTargets targets;
    private MarkdownRenderer markdown;
    private final Map<String, List<String>> files = new HashMap<>();
    private final Map<String, List<Placed>> links = new HashMap<>();

    /**
     * @param root    the project folder, which source paths are relative to (or absolute)
     * @param targets how the link check resolves a page's links
     */
    SourceLines(Path root, LinkTargets targets) {
        this.root = root;
        this.targets = targets;
    }

    /**
     * What to look for in the source of a page linking to {@code target}: the link as an absolute
     * path, its file or last folder name (with the fragment, then without), the fragment alone.
     *
     * @param target an output path without the leading '/', with its {@code #fragment} if any
     */
    static List<String> needles(String target) {
        List<String> n = new ArrayList<>();
        int hash = target.indexOf('#');
        String path = LinkTargets.file(hash < 0 ? target : target.substring(0, hash));
        String frag = hash < 0 ? "" : target.substring(hash);
        n.add("/" + path + frag);
        if (!frag.isEmpty()) {
            n.add("/" + path);
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (!last.isEmpty()) {
            if (!frag.isEmpty()) {
                n.add(last + frag);
            }
            n.add(last);
        }
        if (frag.length() > 1) {
            n.add(frag);
        }
        return n;
    }

    /**
     * The line (1-based) and column of the link in {@code source} that a page leads to
     * {@code target} with, or {0, 0}.
     *
     * @param folderUrl the URL of the source's folder (relative Markdown links are resolved
     *                  against it), as the parser takes it
     * @param pageUrl   the page's URL without the leading '/' ({@link LinkTargets#pageUrl})
     * @param target    as {@link LinkTargets#resolve} gives it
     */
    int[] find(String source, String folderUrl, String pageUrl, String target) {
        return find(source, folderUrl, pageUrl, target, null);
    }

    /**
     * As {@link #find(String, String, String, String)}, preferring the link written as {@code url}
     * (the address on the page) where several links lead to the same target.
     */
    int[] find(String source, String folderUrl, String pageUrl, String target, String url) {
        Placed first = null;
        for (Placed p : links.computeIfAbsent(source + '\n' + folderUrl + '\n' + pageUrl, k -> links(source, folderUrl, pageUrl))) {
            if (p.target().equals(target)) {
                if (url == null || p.url().equals(url)) {
                    return new int[] {p.line(), p.column()};
                }
                first = first == null ? p : first;
            }
        }
        return first != null ? new int[] {first.line(), first.column()} : find(source, needles(target));
    }

    /** The first line (1-based) and column holding the first needle found, or {0, 0}. */
    int[] find(String source, List<String> needles) {
        List<String> lines = lines(source);
        for (String needle : needles) {
            for (int i = 0; i < lines.size(); i++) {
                int at = lines.get(i).indexOf(needle);
                if (at >= 0) {
                    return new int[] {i + 1, at + 1};
                }
            }
        }
        return new int[] {0, 0};
    }

    private List<String> lines(String source) {
        return files.computeIfAbsent(source, s -> {
            try {
                return SourceText.normalise(Files.readString(root.resolve(s), StandardCharsets.UTF_8)).lines().toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }

    /** Every link the file's Markdown keeps, resolved, in the order of the file. */
    private List<Placed> links(String source, String folderUrl, String pageUrl) {
        List<String> lines = lines(source);
        if (lines.isEmpty()) {
            return List.of();
        }
        if (markdown == null) {
            markdown = new MarkdownRenderer();
        }
        String text = String.join("\n", lines) + "\n";
        Optional<FrontMatter> fm = FrontMatterSplitter.split(text, source, new Diagnostics());
        int bodyLine = fm.map(FrontMatter::bodyLine).orElse(1);
        List<Placed> out = new ArrayList<>();
        // the front matter, a line at a time: Markdown in steps and conditions, before the body
        for (int i = 1; i < bodyLine - 1 && i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            if (line.indexOf('[') < 0 && line.indexOf('<') < 0 && line.indexOf("://") < 0) {
                continue;
            }
            for (MarkdownRenderer.SourceLink l : markdown.links(line.substring(indent), folderUrl)) {
                add(out, pageUrl, l.url(), i + 1, indent + l.column());
            }
        }
        String body = fm.map(FrontMatter::body).orElse(text);
        for (MarkdownRenderer.SourceLink l : markdown.links(body, folderUrl)) {
            add(out, pageUrl, l.url(), bodyLine + l.line() - 1, l.column());
        }
        return out;
    }

    private void add(List<Placed> out, String pageUrl, String url, int line, int column) {
        String t = targets.resolve(pageUrl, url);
        if (t != null) {
            out.add(new Placed(t, url, line, column));
        }
    }
}
