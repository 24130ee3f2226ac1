package vn.trang.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where a link of a built page is written in its content file, for diagnostics: the
 * rendered link is not always as written (a relative Markdown link is made absolute), so several
 * needles are tried, most precise first. Only used for links found broken: files are read on
 * demand and kept for the next finding.
 */
final class SourceLines {

    private final Path root;
    private final Map<String, List<String>> files = new HashMap<>();

    /** @param root the project folder, which source paths are relative to (or absolute) */
    SourceLines(Path root) {
        this.root = root;
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
        String path = hash < 0 ? target : target.substring(0, hash);
        String frag = hash < 0 ? "" : target.substring(hash);
        n.add("/" + target);
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

    /** The first line (1-based) and column holding the first needle found, or {0, 0}. */
    int[] find(String source, List<String> needles) {
        List<String> lines = files.computeIfAbsent(source, s -> {
            try {
                return Files.readAllLines(root.resolve(s), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
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
}
