package vn.trang.check;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import vn.trang.cache.CacheDamage;
import vn.trang.cache.Digest;
import vn.trang.cache.Records;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
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
 * from the last build's record ({@value #STORE} in the build cache, valid while the page's
 * fingerprint is the same: same fingerprint, same bytes), else its file is scanned again. At the
 * end each distinct target is judged once against what the build makes.
 *
 * <p>With {@code --site} only links into the sites built (and the shared {@code /_…} folders) are
 * checked: the others are not in the output.
 */
public final class InternalLinks {

    /** The per-page records, in the build cache folder. */
    public static final String STORE = "links.bin";
    /** 4: checksummed records ({@link Records}); targets' paths keep %23 and %25 ({@link LinkTargets#resolve}). */
    private static final int FORMAT = 4;
    // sections of the store
    private static final int HOSTS = 1;
    private static final int TARGETS = 2;
    private static final int IDS = 3;
    private static final int PAGES = 4;

    /** Diagnostics per broken target, and in all; the rest are counted. */
    static final int PER_TARGET = 5;
    static final int MAX_ERRORS = 100;

    /** One page: the targets it links to and the ids it has (sorted interned numbers). */
    private record PageLinks(Digest fp, int[] targets, int[] ids) {
    }

    private final LinkTargets targets;
    private final Path root;
    private final Path out;
    /** Site paths (no leading '/') of every site and of the sites built; null when all are built. */
    private final Set<String> sitePaths;
    private final Set<String> builtPaths;
    private final Strings targetNames = new Strings();
    private final Strings idNames = new Strings();
    private final Map<String, PageLinks> pages = new ConcurrentHashMap<>();
    private Map<String, PageLinks> previous = Map.of();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger rescanned = new AtomicInteger();
    private final AtomicInteger scanned = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong scanNanos = new java.util.concurrent.atomic.AtomicLong();
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
        pages.put(path, scan(path, fp, bytes));
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
            pages.put(path, scan(path, fp, Files.readAllBytes(out.resolve(path))));
            rescanned.incrementAndGet();
            scanNanos.addAndGet(System.nanoTime() - t);
        } catch (IOException e) {
            // the manifest said the file was there; without it the page's links are not known
        }
    }

    /**
     * Per render thread: links from the root ("/so-a/tin-tuc/", the same on every page) and ids
     * already numbered, so the menus and footers of every page cost one plain map look-up each.
     */
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);

    private static final class Memo {
        final HashMap<String, Integer> links = new HashMap<>();
        final HashMap<String, Integer> ids = new HashMap<>();

        void trim() {
            if (links.size() > 20_000) {
                links.clear();
            }
            if (ids.size() > 20_000) {
                ids.clear();
            }
        }
    }

    private PageLinks scan(String path, Digest fp, byte[] bytes) {
        String url = LinkTargets.pageUrl(path);
        IntList links = new IntList();
        IntList ids = new IntList();
        Memo m = memo.get();
        m.trim();
        LinkScanner.scan(bytes, new LinkScanner.Sink() {
            @Override
            public void link(String u) {
                boolean rooted = u.length() > 1 && u.charAt(0) == '/' && u.charAt(1) != '/';
                Integer known = rooted ? m.links.get(u) : null;
                if (known != null) {
                    links.add(known);
                    return;
                }
                String t = targets.resolve(url, u);
                if (t != null) {
                    int id = targetNames.id(t);
                    links.add(id);
                    if (rooted) {
                        m.links.put(u, id);
                    }
                }
            }

            @Override
            public void id(String id) {
                Integer known = m.ids.get(id);
                if (known == null) {
                    known = idNames.id(id);
                    m.ids.put(id, known);
                }
                ids.add(known);
            }
        });
        return new PageLinks(fp, links.sortedUnique(), ids.sortedUnique());
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
            report(broken, state, planned, d);
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

    private void report(Map<Integer, List<String>> broken, byte[] state, List<Output> planned, Diagnostics d) {
        Map<String, Output> origins = new HashMap<>();
        for (Output o : planned) {
            if (o.origin() != null) {
                origins.put(o.path(), o);
            }
        }
        SourceLines lines = new SourceLines(root, targets);
        int errors = 0;
        int more = 0;
        // the most linked first (a template's broken link is on every page), then by name
        List<Map.Entry<Integer, List<String>>> order = new ArrayList<>(broken.entrySet());
        order.sort(Comparator.comparingInt((Map.Entry<Integer, List<String>> e) -> -e.getValue().size())
                .thenComparing(e -> targetNames.name(e.getKey())));
        for (Map.Entry<Integer, List<String>> e : order) {
            String target = targetNames.name(e.getKey());
            boolean anchor = state[e.getKey()] == NO_ANCHOR;
            List<String> from = e.getValue();
            from.sort(null);
            for (int i = 0; i < from.size(); i++) {
                if (errors >= MAX_ERRORS || i >= PER_TARGET) {
                    more += from.size() - i;
                    break;
                }
                errors++;
                String page = from.get(i);
                Output o = origins.get(page);
                String origin = o == null ? null : o.origin();
                SourcePos pos = SourcePos.of(origin != null ? origin : page);
                if (origin != null && origin.endsWith(".md")) {
                    int[] at = o.site() == null ? lines.find(origin, SourceLines.needles(target))
                            : lines.find(origin, folderUrl(origin, o.site()), LinkTargets.pageUrl(page), target);
                    pos = pos.at(at[0], at[1]);
                }
                String in = " (trong trang /" + LinkTargets.pageUrl(page) + ")";
                String others = i == PER_TARGET - 1 && from.size() > PER_TARGET
                        ? "; và " + (from.size() - PER_TARGET) + " trang khác" : "";
                if (anchor) {
                    int hash = target.indexOf('#');
                    d.error(pos, "neo #" + target.substring(hash + 1) + " không có trong trang /" + target.substring(0, hash)
                                    + in + others,
                            "một id có trên trang đích (tiêu đề \"## Điều 1\" có id dieu-1)",
                            "sửa phần sau dấu #, hoặc bỏ nó để liên kết đến cả trang");
                } else {
                    d.error(pos, "liên kết hỏng: /" + target + " không có trong bản dựng" + in + others,
                            "liên kết đến một trang hoặc tệp có trong bản dựng",
                            "sửa địa chỉ, hoặc thêm trang hay tệp đính kèm đó (đặt cạnh tệp Markdown: [Tải về](van-ban.pdf))");
                }
            }
        }
        if (more > 0) {
            d.error(SourcePos.of(out.toString()), "còn " + more + " liên kết hỏng khác không in ra", null,
                    "sửa các lỗi trên rồi dựng lại");
        }
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
     * Reads the last build's records (a missing or unreadable store is no record). A page record
     * that fails its checksum is dropped (that page is scanned again) and counted in
     * {@code damage}; a damaged string table drops every page record, since their numbers index it.
     */
    public void load(Path file, CacheDamage damage) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length < 4 || ByteBuffer.wrap(b).getInt(0) != FORMAT) {
                return;
            }
            Records.File f = Records.read(b, 4);
            Records.Section hosts = f.section(HOSTS);
            Records.Section ts = f.section(TARGETS);
            Records.Section is = f.section(IDS);
            Records.Section ps = f.section(PAGES);
            String want = String.join(" ", targets.hosts().stream().sorted().toList());
            String[] have = new String[1];
            if (hosts == null || hosts.decode(in -> have[0] = in.readUTF()) > 0 || !want.equals(have[0])) {
                damage.add(CacheDamage.Kind.PAGE_LINKS, hosts == null || have[0] == null ? 1 : 0);
                return;
            }
            Strings t = new Strings();
            Strings i = new Strings();
            int tablesBad = (ts == null ? 1 : ts.decode(in -> t.add(in.readUTF())))
                    + (is == null ? 1 : is.decode(in -> i.add(in.readUTF())));
            Map<String, PageLinks> prev = new HashMap<>();
            int pagesBad = ps == null ? 1 : ps.decode(in -> {
                String path = in.readUTF();
                Digest fp = Digest.read(in);
                PageLinks p = new PageLinks(fp, readInts(in), readInts(in));
                if (p.targets().length > 0 && p.targets()[p.targets().length - 1] >= t.size()
                        || p.ids().length > 0 && p.ids()[p.ids().length - 1] >= i.size()) {
                    throw new IOException("số ngoài bảng");
                }
                prev.put(path, p);
            });
            if (tablesBad > 0 || f.cutAt() >= 0) {
                damage.add(CacheDamage.Kind.PAGE_LINKS, Math.max(1, prev.size() + pagesBad));
                return;
            }
            damage.add(CacheDamage.Kind.PAGE_LINKS, pagesBad);
            // the records' numbers are those of the stored tables: start from them
            targetNames.adopt(t);
            idNames.adopt(i);
            previous = prev;
        } catch (IOException | RuntimeException e) {
            previous = Map.of();
        }
    }

    /** Writes this build's records (pages with a fingerprint), only the strings they use; best effort. */
    public void save(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            int[] tMap = new int[targetNames.size()];
            int[] iMap = new int[idNames.size()];
            List<String> tList = new ArrayList<>();
            List<String> iList = new ArrayList<>();
            List<Map.Entry<String, PageLinks>> kept = new ArrayList<>();
            List<Map.Entry<String, PageLinks>> all = new ArrayList<>(pages.entrySet());
            if (sitePaths != null) {
                // --site: the other sites' pages are still in the output, their records still good
                previous.entrySet().stream().filter(e -> !pages.containsKey(e.getKey()) && !inScope(e.getKey()))
                        .forEach(all::add);
            }
            for (Map.Entry<String, PageLinks> e : all) {
                if (e.getValue().fp() == null) {
                    continue;
                }
                kept.add(e);
                for (int x : e.getValue().targets()) {
                    if (tMap[x] == 0) {
                        tList.add(targetNames.name(x));
                        tMap[x] = tList.size(); // 1-based: 0 is "not yet"
                    }
                }
                for (int x : e.getValue().ids()) {
                    if (iMap[x] == 0) {
                        iList.add(idNames.name(x));
                        iMap[x] = iList.size();
                    }
                }
            }
            try (BufferedOutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                new DataOutputStream(os).writeInt(FORMAT);
                Records.Writer w = new Records.Writer(os);
                w.section(HOSTS);
                w.record(o -> o.writeUTF(String.join(" ", targets.hosts().stream().sorted().toList())));
                w.section(TARGETS);
                for (String x : tList) {
                    w.record(o -> o.writeUTF(x));
                }
                w.section(IDS);
                for (String x : iList) {
                    w.record(o -> o.writeUTF(x));
                }
                w.section(PAGES);
                for (Map.Entry<String, PageLinks> e : kept) {
                    w.record(o -> {
                        o.writeUTF(e.getKey());
                        e.getValue().fp().write(o);
                        writeInts(o, e.getValue().targets(), tMap);
                        writeInts(o, e.getValue().ids(), iMap);
                    });
                }
                w.end();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next build scans kept pages again
            }
        }
    }

    /** Sorted numbers as a count and the gaps between them, each a varint (most are one or two bytes). */
    private static void writeInts(DataOutputStream o, int[] xs, int[] map) throws IOException {
        int[] mapped = new int[xs.length];
        for (int k = 0; k < xs.length; k++) {
            mapped[k] = map[xs[k]] - 1;
        }
        Arrays.sort(mapped); // records keep their numbers sorted
        writeVarint(o, mapped.length);
        int last = 0;
        for (int x : mapped) {
            writeVarint(o, x - last);
            last = x;
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] xs = new int[readVarint(in)];
        int last = 0;
        for (int k = 0; k < xs.length; k++) {
            last += readVarint(in);
            xs[k] = last;
        }
        return xs;
    }

    private static void writeVarint(DataOutputStream o, int v) throws IOException {
        while ((v & ~0x7f) != 0) {
            o.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        o.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("số hỏng trong " + STORE);
    }

    // ---- small helpers -------------------------------------------------------------------------

    /** Interned strings, numbered from 0 (thread-safe). */
    private static final class Strings {
        private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
        private final List<String> names = new ArrayList<>();

        int id(String s) {
            Integer i = ids.get(s);
            if (i != null) {
                return i;
            }
            synchronized (this) {
                i = ids.get(s);
                if (i == null) {
                    i = names.size();
                    names.add(s);
                    ids.put(s, i);
                }
                return i;
            }
        }

        /** The number of a string, or -1; never adds. */
        int find(String s) {
            Integer i = ids.get(s);
            return i == null ? -1 : i;
        }

        synchronized void add(String s) {
            ids.putIfAbsent(s, names.size());
            names.add(s);
        }

        synchronized String name(int i) {
            return names.get(i);
        }

        synchronized int size() {
            return names.size();
        }

        /** Takes over another table (before anything was interned here). */
        synchronized void adopt(Strings other) {
            ids.clear();
            names.clear();
            names.addAll(other.names);
            ids.putAll(other.ids);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[32];
        private int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = x;
        }

        int[] sortedUnique() {
            Arrays.sort(a, 0, n);
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (m == 0 || a[m - 1] != a[k]) {
                    a[m++] = a[k];
                }
            }
            return Arrays.copyOf(a, m);
        }
    }
}
