package vn.trang.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.model.LegalDocument;
import vn.trang.model.Site;

/**
 * Every document of the catalog by number. Numbers are unique per issuer only (each commune has
 * its own 01/KH-UBND), so a lookup prefers the named issuer, then the asking site's own
 * documents, then the one document that has the number.
 */
final class NumberIndex {

    private final Map<String, List<LegalDocument>> byKey = new HashMap<>();

    NumberIndex(List<LegalDocument> documents, Diagnostics d) {
        for (LegalDocument doc : documents) {
            if (doc.numberKey() == null) {
                continue;
            }
            List<LegalDocument> same = byKey.computeIfAbsent(doc.numberKey(), k -> new ArrayList<>());
            for (LegalDocument other : same) {
                if (sameIssuer(other.issuer(), doc.issuer())) {
                    d.error(doc.meta().positions().of("number"), "số hiệu " + doc.number() + " của " + doc.issuer()
                                    + " đã có ở " + other.meta().source(),
                            "mỗi cơ quan ban hành chỉ có một văn bản với một số hiệu",
                            "kiểm tra lại số hiệu, hoặc xóa một trong hai tệp nếu là cùng một văn bản");
                }
            }
            same.add(doc);
        }
    }

    static boolean sameIssuer(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** The result of a lookup: the document, or why there is none. */
    record Lookup(LegalDocument document, List<LegalDocument> candidates) {
        boolean found() {
            return document != null;
        }

        boolean ambiguous() {
            return document == null && candidates.size() > 1;
        }
    }

    Lookup find(String key, String issuer, Site from) {
        List<LegalDocument> all = byKey.getOrDefault(key, List.of());
        if (all.isEmpty()) {
            return new Lookup(null, all);
        }
        List<LegalDocument> pool = all;
        if (issuer != null) {
            pool = all.stream().filter(x -> sameIssuer(x.issuer(), issuer)).toList();
            if (pool.isEmpty()) {
                return new Lookup(null, List.of());
            }
        }
        if (pool.size() == 1) {
            return new Lookup(pool.get(0), pool);
        }
        List<LegalDocument> own = pool.stream().filter(x -> x.site().id().equals(from.id())).toList();
        if (own.size() == 1) {
            return new Lookup(own.get(0), pool);
        }
        return new Lookup(null, pool);
    }

    Optional<LegalDocument> unique(String key) {
        List<LegalDocument> all = byKey.getOrDefault(key, List.of());
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }
}
