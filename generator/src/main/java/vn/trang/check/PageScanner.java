package vn.trang.check;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Turns a rendered page's bytes into its {@link PageLinks}: links resolved against the page's URL
 * ({@link LinkTargets}) and ids, each numbered in the shared tables.
 *
 * <p>The {@link ThreadLocal} here is a per-thread memo, not build data: links from the root
 * ("/so-a/tin-tuc/", the same on every page) and ids already numbered, so the menus and footers of
 * every page cost one plain map look-up each instead of a resolve and a concurrent look-up. It
 * holds only what the shared tables already say, so a page's record is the same whichever thread
 * scans it; it lives as long as this scanner, which is one build's.
 */
final class PageScanner {

    private final LinkTargets targets;
    private final InternedStrings targetNames;
    private final InternedStrings idNames;
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);

    PageScanner(LinkTargets targets, InternedStrings targetNames, InternedStrings idNames) {
        this.targets = targets;
        this.targetNames = targetNames;
        this.idNames = idNames;
    }

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

    PageLinks scan(String path, vn.trang.cache.Digest fp, byte[] bytes) {
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
