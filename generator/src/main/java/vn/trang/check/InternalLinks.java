package vn.trang.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import vn.trang.cache.CacheDamage;
import vn.trang.cache.Digest;
import vn.trang.diag.Diagnostics;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;
import vn.trang.render.Output;

/**
 * The build's cheap link check: broken internal links, anchors ({@code #id}) missing on
 * their page and links to files the build does not make fail {@code trang build}, before anything
 * is put in place, so a broken link is never published. {@code trang check} goes further (alt
 * text, headings, titles, HTML validity).
 *
 * <p>As each page is rendered its bytes are scanned ({@link LinkScanner}: no HTML parser) for
 * links, resolved against the page's URL ({@link LinkTargets}), and for ids; only interned numbers
 * are kept per page. A page the incremental build keeps without rendering takes its links and ids
 * from the last build's record ({@link PageLinksStore}, valid while the page's
 * fingerprint is the same: same fingerprint, same bytes), else its file is scanned again. At the
 * end each distinct target is judged once against what the build makes.
 *
 * <p>With {@code --site} only links into the sites built (and the shared {@code /_…} folders) are
 * checked: the others are not in the output.
 */
public final class InternalLinks {

    /** The per-page records, in the build cache folder. */
    public static final String STORE = "links.bin";

    /** Diagnostics per broken target, and in all; the rest are counted. */
    static final int PER_TARGET = 5;
    static final int MAX_ERRORS = 100;

    private final LinkTargets targets;
    private final Path root;
    private final Path out;
    /** Site paths (no leading '/') of every site and of the sites built; null when all are built. */
    private final Set<String> sitePaths;
    private final Set<String> builtPaths;
    private final InternedStrings targetNames = new InternedStrings();
    private final InternedStrings idNames = new InternedStrings();
    private final PageScanner scanner;
    private final Map<String, PageLinks> pages = new ConcurrentHashMap<>();
    private Map<String, PageLinks> previous = Map.of();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger rescanned = new AtomicInteger();
    private final AtomicInteger scanned = new AtomicInteger();
    private final AtomicLong scanNanos = new AtomicLong();
    private long checkNanos;

    /**
     * @param root  the project folder (content files named by page origins are read for lines)
     * @param out   the live output folder, where kept pages are
     * @param all   every site of the registry
     * @param built the sites this build makes
     */
    public InternalLinks(LinkTargets targets, Path root, Path out, Collection<Site> all, Collection<Site> built) {
        this.targets = targets;
        this.root = root;
        this.out = out;
        this.scanner = new PageScanner(targets, targetNames, idNames);
        if (built.size() >= all.size()) {
            this.sitePaths = null;
            this.builtPaths = null;
        } else {
            this.sitePaths = new HashSet<>();
            this.builtPaths = new HashSet<>();
            all.forEach(s -> sitePaths.add(s.path().substring(1)));
            built.forEach(s -> builtPaths.add(s.path().substring(1)));
        }
    }

    /** For a build: the hosts of every site, the theme's dynamic paths. */
    public static InternalLinks forBuild(Path root, Path out, Path themeDir, Collection<Site> all, Collection<Site> built) {
        List<String> urls = new ArrayList<>();
        all.forEach(s -> urls.add(s.absoluteUrl()));
        return new InternalLinks(LinkTargets.of(urls, themeDir), root, out, all, built);
    }

    // ---- collecting ----------------------------------------------------------------------------

    /** A page rendered by this build (thread-safe); files other than .html are ignored. */
    public void rendered(String path, Digest fp, byte[] bytes) {
        if (!path.endsWith(".html")) {
            return;
        }
        long t = System.nanoTime();
        pages.put(path, scanner.scan(path, fp, bytes));
        scanned.incrementAndGet();
        scanNanos.addAndGet(System.nanoTime() - t);
    }

    /**
     * A page kept from the last build without rendering (thread-safe): its last record when its
     * fingerprint is the same, else its file in the output, scanned again.
     */
    public void kept(String path, Digest fp) {
        if (!path.endsWith(".html")) {
            return;
        }
        PageLinks p = previous.get(path);
        if (p != null && fp != null && fp.equals(p.fp())) {
            pages.put(path, p);
            reused.incrementAndGet();
            return;
        }
        long t = System.nanoTime();
        try {
            pages.put(path, scanner.scan(path, fp, Files.readAllBytes(out.resolve(path))));
            rescanned.incrementAndGet();
            scanNanos.addAndGet(System.nanoTime() - t);
        } catch (IOException e) {
            // the manifest said the file was there; without it the page's links are not known
        }
    }

    // ---- checking ------------------------------------------------------------------------------

    private static final byte UNKNOWN = 0;
    private static final byte OK = 1;
    private static final byte SKIPPED = 2;
    private static final byte MISSING = 3;
    private static final byte NO_ANCHOR = 4;

    /**
     * Judges every link collected; each broken one is an error at its page's source (file and
     * line when the page comes from a content file).
     *
     * @param exists  whether the build makes this output path
     * @param planned every output of the build (for the pages' origins)
     * @return true when no link is broken
     */
    public boolean check(Predicate<String> exists, List<Output> planned, Diagnostics d) {
        long start = System.nanoTime();
        byte[] state = new byte[targetNames.size()];
        Map<Integer, List<String>> broken = new HashMap<>();
        for (Map.Entry<String, PageLinks> e : pages.entrySet()) {
            for (int t : e.getValue().targets()) {
                byte s = state[t];
                if (s == UNKNOWN) {
                    s = judge(targetNames.name(t), exists);
                    state[t] = s;
                }
                if (s >= MISSING) {
                    broken.computeIfAbsent(t, k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }
        if (!broken.isEmpty()) {
            new BrokenLinkReport(root, out, targets).report(broken, targetNames, t -> state[t] == NO_ANCHOR, planned, d);
        }
        checkNanos = System.nanoTime() - start;
        return broken.isEmpty();
    }

    private byte judge(String target, Predicate<String> exists) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        if (targets.dynamic(path) || !inScope(path)) {
            return SKIPPED;
        }
        String file = fileOf(path, exists);
        if (file == null) {
            return MISSING;
        }
        if (hash >= 0 && file.endsWith(".html")) {
            PageLinks p = pages.get(file);
            if (p != null) {
                int id = idNames.find(target.substring(hash + 1));
                if (id < 0 || Arrays.binarySearch(p.ids(), id) < 0) {
                    return NO_ANCHOR;
                }
            }
        }
        return OK;
    }

    /**
     * The output file a target's path names: itself, or its folder's index.html; null when there
     * is none.
     */
    static String fileOf(String target, Predicate<String> exists) {
        String path = LinkTargets.file(target);
        if (path.isEmpty() || path.endsWith("/")) {
            String f = path + "index.html";
            return exists.test(f) ? f : null;
        }
        if (exists.test(path)) {
            return path;
        }
        String f = path + "/index.html";
        return exists.test(f) ? f : null;
    }

    /** Whether a path belongs to a site this build makes (always, when all are built). */
    private boolean inScope(String path) {
        if (sitePaths == null || path.startsWith("_")) {
            return true;
        }
        if (sitePaths.contains(path + "/")) {
            return builtPaths.contains(path + "/"); // a site's home without its last '/'
        }
        for (int i = path.lastIndexOf('/'); i >= 0; i = path.lastIndexOf('/', i - 1)) {
            String prefix = path.substring(0, i + 1);
            if (sitePaths.contains(prefix)) {
                return builtPaths.contains(prefix);
            }
            if (i == 0) {
                break;
            }
        }
        return builtPaths.contains(""); // the portal's
    }

    /** The URL of the folder of a site's content file, as the parser resolved its relative links against. */
    public static String folderUrl(String origin, Site site) {
        return origin.replace('\\', '/').contains("/" + site.id() + "/")
                ? ContentParser.folderUrl(origin, site, "") : site.path();
    }

    /** Counts for the build's timing line. */
    public String summary() {
        return "kiểm tra liên kết: " + pages.size() + " trang (" + scanned.get() + " quét khi tạo, " + reused.get()
                + " theo lần trước, " + rescanned.get() + " đọc lại), " + targetNames.size() + " đích; quét "
                + String.format("%.0f ms (đọc lại kể cả; cộng các luồng), xét %.0f ms", scanNanos.get() / 1e6, checkNanos / 1e6);
    }

    // ---- the store -----------------------------------------------------------------------------

    /**
     * Reads the last build's records (a missing or unreadable store is no record); see
     * {@link PageLinksStore#load}.
     */
    public void load(Path file, CacheDamage damage) {
        PageLinksStore.Loaded l = PageLinksStore.load(file, hosts(), damage);
        if (l != null) {
            // the records' numbers are those of the stored tables: start from them
            targetNames.adopt(l.targets());
            idNames.adopt(l.ids());
            previous = l.pages();
        }
    }

    /** Writes this build's records (pages with a fingerprint), only the strings they use; best effort. */
    public void save(Path file) {
        List<Map.Entry<String, PageLinks>> all = new ArrayList<>(pages.entrySet());
        if (sitePaths != null) {
            // --site: the other sites' pages are still in the output, their records still good
            previous.entrySet().stream().filter(e -> !pages.containsKey(e.getKey()) && !inScope(e.getKey()))
                    .forEach(all::add);
        }
        PageLinksStore.save(file, hosts(), targetNames, idNames, all);
    }

    private String hosts() {
        return String.join(" ", targets.hosts().stream().sorted().toList());
    }
}
