package vn.trang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Markdown to compare two ways of doing one thing on (a fast path for common text against the
 * general one): the demo province's bodies, and random documents of headings, lists, quotes,
 * tables and words from a given set.
 */
public final class MarkdownSamples {

    private MarkdownSamples() {
    }

    /** The body (front matter cut off) of every Markdown file of the demo province, in path order. */
    public static List<String> demoBodies() {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Fixture.REPO.resolve("content"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(body(Files.readString(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** What follows the front matter, or the whole text when it has none. */
    public static String body(String file) {
        if (!file.startsWith("---")) {
            return file;
        }
        int end = file.indexOf("\n---", 3);
        return end < 0 ? file : file.substring(Math.min(file.length(), file.indexOf('\n', end + 1) + 1));
    }

    /**
     * {@code count} random documents: 1–{@code maxLines} lines, each maybe opened as a heading, list
     * item, numbered item, quote, indentation or table row, then up to {@code maxWords - 1} of
     * {@code words}, sometimes followed by a table delimiter or a rule.
     */
    public static List<String> random(long seed, int count, String[] words, int maxLines, int maxWords) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + r.nextInt(maxLines);
            for (int l = 0; l < lines; l++) {
                switch (r.nextInt(10)) {
                    case 0 -> sb.append("#".repeat(1 + r.nextInt(6))).append(' ');
                    case 1 -> sb.append("- ");
                    case 2 -> sb.append(1 + r.nextInt(9)).append(". ");
                    case 3 -> sb.append("> ");
                    case 4 -> sb.append("  ".repeat(r.nextInt(3)));
                    case 5 -> sb.append("| ");
                    default -> {
                    }
                }
                int n = r.nextInt(maxWords);
                for (int w = 0; w < n; w++) {
                    sb.append(words[r.nextInt(words.length)]);
                    sb.append(r.nextInt(4) == 0 ? "" : " ");
                }
                if (r.nextInt(6) == 0) {
                    sb.append(r.nextBoolean() ? "\n|---|:-:|" : "\n---");
                }
                sb.append(r.nextInt(3) == 0 ? "\n\n" : "\n");
            }
            out.add(sb.toString());
        }
        return out;
    }
}
