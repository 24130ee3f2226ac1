package vn.trang.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a built site: internal links and anchors resolve, files exist, images have alt text,
 * headings do not skip levels, titles are not duplicated, and (optionally) every page is valid
 * HTML per the Nu Html Checker. External links are listed, never fetched.
 */
public final class SiteChecker {

    /** The page-to-source map the build writes beside the site, under the output root. */
    public static final String SOURCES = "_reports/nguon-trang.tsv";
    /** External links, listed for editors. */
    public static final String EXTERNAL = "_reports/lien-ket-ngoai.csv";


    /** What a check found. */
    public record Report(List<Finding> findings, Map<String, Set<String>> external, int pages) {
        public long errors() {
            return findings.stream().filter(Finding::error).count();
        }

        public long warnings() {
            return findings.size() - errors();
        }
    }

    private record PageFacts(String page, String title, Set<String> ids, List<Element> links, List<Element> images,
                             List<Element> headings) {
    }

    private final boolean validateHtml;
    private final int threads;
    private final Path root;
    /** Links are taken as the build takes them: a link to one of the province's own hosts is internal. */
    private final LinkTargets targets;

    /** @param root the project folder, where the sources named in the page map are */
    public SiteChecker(boolean validateHtml, int threads, Path root) {
        this(validateHtml, threads, root, List.of());
    }

    /**
     * @param root     the project folder, where the sources named in the page map are
     * @param siteUrls every site's home URL ({@code Site.absoluteUrl()}): links to their hosts are
     *                 checked against the output like relative ones, not listed as external
     */
    public SiteChecker(boolean validateHtml, int threads, Path root, java.util.Collection<String> siteUrls) {
        this.validateHtml = validateHtml;
        this.threads = threads;
        this.root = root;
        this.targets = LinkTargets.of(siteUrls, root.resolve("themes/default"));
    }

    public Report check(Path out) throws IOException {
        Map<String, String> sources = new HashMap<>();
        Map<String, String> folders = new HashMap<>();
        readSources(out, sources, folders);
        SourceLines sourceLines = new SourceLines(root, targets);
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(out)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).filter(p -> !hidden(out.relativize(p))).sorted().toList();
        }
        Map<String, PageFacts> facts = new ConcurrentHashMap<>();
        List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<HtmlValidator> validators = ThreadLocal.withInitial(() -> {
            try {
                return new HtmlValidator();
            } catch (org.xml.sax.SAXException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> pages.parallelStream().forEach(p -> {
                String rel = out.relativize(p).toString().replace('\\', '/');
                try {
                    Document d = Jsoup.parse(Files.readString(p, StandardCharsets.UTF_8));
                    Set<String> ids = new HashSet<>();
                    for (Element e : d.select("[id]")) {
                        ids.add(e.id());
                    }
                    for (Element a : d.select("a[name]")) {
                        ids.add(a.attr("name"));
                    }
                    facts.put(rel, new PageFacts(rel, d.title(), ids, d.select("a[href], link[href], img[src], script[src], source[src], iframe[src]"),
                            d.select("img"), d.select("h1, h2, h3, h4, h5, h6")));
                    if (validateHtml) {
                        for (HtmlValidator.Problem v : validators.get().check(p)) {
                            findings.add(new Finding(rel, null, v.line(), v.column(), true, "html", v.message()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("bị ngắt", e);
        } catch (ExecutionException e) {
            throw new IOException("lỗi khi kiểm tra: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        Map<String, Set<String>> external = new TreeMap<>();
        Map<String, List<String>> titles = new HashMap<>();
        for (PageFacts f : facts.values()) {
            String source = sources.get(f.page());
            for (Element link : f.links()) {
                String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                checkLink(out, f, source, url, facts, findings, external,
                        target -> linkAt(sourceLines, f.page(), source, folders.get(f.page()), target, url));
            }
            for (Element img : f.images()) {
                // alt="" marks the theme's decorative images; an editor's picture needs words.
                boolean content = img.closest(".prose") != null;
                if (!img.hasAttr("alt") || (content && img.attr("alt").isBlank())) {
                    String src = img.attr("src");
                    findings.add(at(out, f.page(), source, true, "alt", "ảnh " + src + " thiếu mô tả (alt)",
                            src.replaceFirst(".*/", "")));
                }
            }
            int previous = 0;
            for (Element h : f.headings()) {
                int level = h.normalName().charAt(1) - '0';
                if (previous > 0 && level > previous + 1) {
                    findings.add(at(out, f.page(), source, false, "heading", "tiêu đề \"" + h.text() + "\" nhảy từ h"
                            + previous + " xuống h" + level, h.text()));
                }
                previous = level;
            }
            if (!f.page().endsWith("404.html")) {
                titles.computeIfAbsent(f.title(), k -> new ArrayList<>()).add(f.page());
            }
        }
        for (Map.Entry<String, List<String>> e : titles.entrySet()) {
            if (e.getValue().size() > 1) {
                List<String> same = e.getValue().stream().sorted().toList();
                for (String page : same.subList(1, same.size())) {
                    findings.add(new Finding(page, sources.get(page), 0, 0, false, "title",
                            "tiêu đề trang \"" + e.getKey() + "\" trùng với /" + same.get(0).replaceFirst("index\\.html$", "")));
                }
            }
        }
        findings.addAll(XmlOutputs.check(out));
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::page).thenComparingInt(Finding::line).thenComparing(Finding::message));
        return new Report(sorted, external, pages.size());
    }

    private static boolean hidden(Path rel) {
        String first = rel.getName(0).toString();
        return first.equals("_search") || first.equals("_reports") || first.equals("_assets");
    }

    /**
     * @param place where the link to a target is written in the page's source: {line, column}, or
     *              {0, 0}
     */
    private void checkLink(Path out, PageFacts f, String source, String url, Map<String, PageFacts> facts,
                           List<Finding> findings, Map<String, Set<String>> external,
                           java.util.function.Function<String, int[]> place) {
        if (url.isEmpty() || url.startsWith("mailto:") || url.startsWith("tel:")) {
            return;
        }
        if (url.matches("(?i)https?://.*") && targets.resolve(LinkTargets.pageUrl(f.page()), url) == null) {
            external.computeIfAbsent(url, k -> new java.util.TreeSet<>()).add("/" + f.page().replaceFirst("index\\.html$", ""));
            return;
        }
        if (!url.matches("(?i)https?://.*") && (url.matches("(?i)[a-z][a-z0-9+.-]*:.*") || url.startsWith("//"))) {
            findings.add(at(out, f.page(), source, true, "link", "liên kết không hợp lệ: " + url, url));
            return;
        }
        // resolved as the build's link check does (LinkTargets), judged against the files
        String target = targets.resolve(LinkTargets.pageUrl(f.page()), url);
        if (target == null) {
            return;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        if (targets.dynamic(path)) {
            return;
        }
        String file = InternalLinks.fileOf(path, p -> Files.isRegularFile(out.resolve(p)));
        if (file == null) {
            int[] at = place.apply(target);
            findings.add(new Finding(f.page(), source, at[0], at[1], true, "link",
                    "liên kết hỏng: " + url + " (không có /" + path + ")"));
            return;
        }
        if (fragment != null && file.endsWith(".html")) {
            PageFacts t = facts.get(file);
            if (t != null && !t.ids().contains(fragment)) {
                int[] at = place.apply(target);
                findings.add(new Finding(f.page(), source, at[0], at[1], true, "anchor",
                        "neo #" + fragment + " không có trong /" + path));
            }
        }
    }

    /**
     * Where a page's link to {@code target} is written in its source: the link itself, found as
     * the build's link check finds it ({@link SourceLines}), or {0, 0} without a source.
     */
    private static int[] linkAt(SourceLines lines, String page, String source, String folder, String target, String url) {
        if (source == null) {
            return new int[] {0, 0};
        }
        return folder == null ? lines.find(source, SourceLines.needles(target))
                : lines.find(source, folder, LinkTargets.pageUrl(page), target, url);
    }

    /** A finding at the line of the source file that mentions {@code needle}, when there is a source. */
    private Finding at(Path out, String page, String source, boolean error, String rule, String message, String needle) {
        int line = 0;
        int col = 0;
        if (source != null && needle != null && !needle.isBlank()) {
            try {
                List<String> lines = Files.readAllLines(root.resolve(source), StandardCharsets.UTF_8);
                String key = needle.replaceFirst("^.*/(?=[^/]+$)", "");
                for (int i = 0; i < lines.size(); i++) {
                    int at = lines.get(i).indexOf(key);
                    if (at >= 0) {
                        line = i + 1;
                        col = at + 1;
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the page is still reported, without a line
            }
        }
        return new Finding(page, source, line, col, error, rule, message);
    }

    /** The page map the build writes: page, its content file, and that file's folder URL. */
    private static void readSources(Path out, Map<String, String> sources, Map<String, String> folders) throws IOException {
        Path file = out.resolve(SOURCES);
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length >= 2 && !cells[0].isEmpty() && cells[1].endsWith(".md")) {
                sources.put(cells[0], cells[1]);
                if (cells.length >= 3 && !cells[2].isEmpty()) {
                    folders.put(cells[0], cells[2]);
                }
            }
        }
    }
}
