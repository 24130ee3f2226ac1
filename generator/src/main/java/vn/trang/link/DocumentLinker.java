package vn.trang.link;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import vn.trang.diag.Diagnostics;
import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.load.SiteRegistry;
import vn.trang.model.CitedDocument;
import vn.trang.model.DocumentLinks;
import vn.trang.model.DocumentStatus;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsItem;
import vn.trang.model.LegalBasis;
import vn.trang.model.Page;
import vn.trang.model.Procedure;
import vn.trang.model.Relation;
import vn.trang.model.RelationType;

/**
 * The link stage for legal documents: resolves relations and citations by number across every
 * site, computes inverse relations and each document's validity as of the build date, and links
 * cited numbers in page text to the documents' pages.
 */
public final class DocumentLinker {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What linking produced. */
    public record Result(List<Item> items, List<UnresolvedCitation> unresolved,
                         Map<Procedure, List<CitedDocument>> procedureBasis) {
    }

    /** One edge, kept until pages are assembled; {@code to} is null when the catalog lacks it. */
    record Edge(LegalDocument from, Relation relation, LegalDocument to) {
    }

    /**
     * Bodies whose citations an earlier build linked, and where linked bodies are kept (the
     * build cache implements it, so an unchanged body is not parsed and linked again).
     * {@link #NONE} links every body and keeps the result in memory.
     */
    public interface LinkMemo {
        LinkMemo NONE = new LinkMemo() {
            @Override
            public vn.trang.model.Body recall(Item item, java.util.function.Function<String, String> target) {
                return null;
            }

            @Override
            public vn.trang.model.Body remember(Item item, Map<String, String> targets, String html) {
                return html == null ? item.meta().body() : vn.trang.model.Body.of(html);
            }
        };

        /**
         * The body {@code item} had after linking in an earlier build whose lookups give the
         * same targets now ({@code target}: a cited number's key → its target, null when the
         * catalog has none), or null.
         */
        vn.trang.model.Body recall(Item item, java.util.function.Function<String, String> target);

        /**
         * Keeps the outcome of linking {@code item}: the targets its lookups found (key →
         * target, in order) and the linked HTML, null when nothing was linked. Returns the body
         * the item gets.
         */
        vn.trang.model.Body remember(Item item, Map<String, String> targets, String html);
    }

    private final LocalDate asOf;
    private final LinkMemo memo;
    private final IssuingPower power;
    private final Map<LegalDocument, StatusRules.Verdict> verdicts = new IdentityHashMap<>();

    /** @param registry the sites, whose parent chain says which unit is above which */
    public DocumentLinker(SiteRegistry registry, LocalDate asOf) {
        this(registry, asOf, LinkMemo.NONE);
    }

    public DocumentLinker(SiteRegistry registry, LocalDate asOf, LinkMemo memo) {
        this.asOf = asOf;
        this.memo = memo;
        this.power = new IssuingPower(registry);
    }

    public Result link(List<Item> items, Diagnostics d) {
        List<LegalDocument> documents = items.stream().filter(LegalDocument.class::isInstance)
                .map(LegalDocument.class::cast).toList();
        NumberIndex index = new NumberIndex(documents, d);

        // Relations, both directions.
        Map<LegalDocument, List<Edge>> outgoing = new IdentityHashMap<>();
        Map<LegalDocument, List<Edge>> incoming = new IdentityHashMap<>();
        for (LegalDocument doc : documents) {
            for (Relation r : doc.relations()) {
                NumberIndex.Lookup found = index.find(r.key(), r.issuer(), doc.site());
                if (found.ambiguous()) {
                    d.warning(r.pos(), "số hiệu " + r.number() + " khớp " + found.candidates().size()
                                    + " văn bản của các cơ quan khác nhau: " + issuers(found.candidates()),
                            "quan hệ chỉ rõ cơ quan ban hành", "viết dạng { number: " + r.number() + ", issuer: "
                                    + found.candidates().get(0).issuer() + " }");
                } else if (!found.found()) {
                    d.warning(r.pos(), "văn bản " + r.number() + (r.issuer() != null ? " của " + r.issuer() : "")
                                    + " (" + r.type().outwardLabel().toLowerCase() + ") chưa có trong danh mục",
                            "số hiệu của một văn bản có trong content/*/van-ban/",
                            "thêm văn bản đó (có thể chỉ gồm thông tin và đường dẫn url) hoặc sửa số hiệu");
                }
                if (found.found() && r.type().effect() != RelationType.Effect.NONE) {
                    String refusal = power.refusal(doc, r.type(), found.document());
                    if (refusal != null) {
                        // Left out entirely: the named document's status and page stay as they are.
                        d.error(r.pos(), doc.issuer() + " không có thẩm quyền " + IssuingPower.verb(r.type()) + " văn bản "
                                        + found.document().number() + " của " + found.document().issuer() + " ("
                                        + found.document().meta().source() + "): " + refusal,
                                "chỉ chính cơ quan đã ban hành văn bản, hoặc cơ quan cấp trên có thẩm quyền, mới thay thế, "
                                        + "bãi bỏ, đình chỉ nó; trên trang của mình hoặc trang cấp trên (docs/CONTENT.md)",
                                "nếu chỉ để nêu văn bản có liên quan, dùng lien_quan hoặc dan_chieu; nếu văn bản do cấp "
                                        + "trên ban hành, đăng nó ở trang của cơ quan đó");
                        continue;
                    }
                }
                Edge e = new Edge(doc, r, found.document());
                outgoing.computeIfAbsent(doc, k -> new ArrayList<>()).add(e);
                if (found.found()) {
                    incoming.computeIfAbsent(found.document(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        for (Edge closing : ReplacementCycles.report(documents, outgoing, d)) {
            outgoing.get(closing.from()).removeIf(x -> x == closing);
            incoming.get(closing.to()).removeIf(x -> x == closing);
        }

        // Citations in every item's text.
        Map<LegalDocument, List<Item>> citedBy = new IdentityHashMap<>();
        Map<Item, List<LegalDocument>> resolvedCitations = new IdentityHashMap<>();
        List<UnresolvedCitation> unresolved = new ArrayList<>();
        Map<String, CitedDate> firstDates = new HashMap<>();
        for (Item item : items) {
            Set<LegalDocument> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            Set<String> unresolvedSeen = new HashSet<>();
            for (Citation c : item.meta().citations()) {
                String key = c.number().key();
                if (item instanceof LegalDocument self && key.equals(self.numberKey())) {
                    continue;
                }
                NumberIndex.Lookup found = index.find(key, null, item.site());
                checkDate(item, c, found, firstDates, d);
                if (found.found()) {
                    if (seen.add(found.document())) {
                        resolvedCitations.computeIfAbsent(item, k -> new ArrayList<>()).add(found.document());
                        if (item instanceof LegalDocument) {
                            citedBy.computeIfAbsent(found.document(), k -> new ArrayList<>()).add(item);
                        }
                    }
                } else if (unresolvedSeen.add(key)) {
                    unresolved.add(new UnresolvedCitation(c.normalized(), c.date(), item.meta().source(), c.line(),
                            item.url()));
                }
            }
        }

        // Validity of every document first: related documents are listed with their status.
        verdicts.clear();
        for (LegalDocument doc : documents) {
            List<StatusRules.Incoming> acting = new ArrayList<>();
            for (Edge e : incoming.getOrDefault(doc, List.of())) {
                acting.add(new StatusRules.Incoming(e.from(), e.relation().type(), e.relation().partial()));
            }
            StatusRules.Verdict v = StatusRules.derive(doc, acting, asOf);
            if (DocumentStatus.OUTDATED.label().equals(doc.declaredStatus())) {
                // A judgment no date or relation can make: the editor's word stands.
                v = new StatusRules.Verdict(DocumentStatus.OUTDATED, null);
            }
            verdicts.put(doc, v);
        }

        // Bodies with citations linked, in parallel (each is an HTML parse and a citation
        // scan of its text nodes); nothing below depends on the order they are made in.
        vn.trang.model.Body[] bodies = new vn.trang.model.Body[items.size()];
        java.util.stream.IntStream.range(0, items.size()).parallel().forEach(i -> {
            Item item = items.get(i);
            // Procedures keep their text as written (see withBody): nothing to link for them.
            if (resolvedCitations.containsKey(item) && !(item instanceof Procedure)) {
                bodies[i] = linkedBody(item, index);
            }
        });

        // Assemble.
        List<Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Item linked = item;
            List<LegalDocument> cited = resolvedCitations.getOrDefault(item, List.of());
            if (bodies[i] != null) {
                linked = withBody(linked, bodies[i]);
            }
            // Memory: citations are read only here (a document's are in its links below)
            linked = withoutCitations(linked);
            if (linked instanceof LegalDocument doc) {
                LegalDocument original = (LegalDocument) item;
                linked = doc.withLinks(links(original, outgoing.getOrDefault(original, List.of()),
                        incoming.getOrDefault(original, List.of()), cited, citedBy.getOrDefault(original, List.of()), d));
            }
            out.add(linked);
        }
        unresolved.sort(Comparator.comparing(UnresolvedCitation::number).thenComparing(UnresolvedCitation::source));
        return new Result(out, unresolved, procedureBasis(out, index, d));
    }

    /**
     * Each procedure's legal basis looked up in the document index, in the order written; an
     * entry the index lacks is a warning (it cannot be checked for validity).
     */
    private Map<Procedure, List<CitedDocument>> procedureBasis(List<Item> items, NumberIndex index, Diagnostics d) {
        Map<Procedure, List<CitedDocument>> out = new IdentityHashMap<>();
        for (Item item : items) {
            if (!(item instanceof Procedure p)) {
                continue;
            }
            List<CitedDocument> list = new ArrayList<>();
            for (LegalBasis b : p.legalBasis()) {
                NumberIndex.Lookup found = b.key() == null ? new NumberIndex.Lookup(null, List.of())
                        : index.find(b.key(), null, p.site());
                if (!found.found()) {
                    d.warning(p.meta().positions().of("legal_basis"), "căn cứ pháp lý " + b.number()
                                    + (found.ambiguous() ? " khớp nhiều văn bản: " + issuers(found.candidates())
                                    : " chưa có trong danh mục văn bản") + ", không kiểm tra được hiệu lực",
                            "số hiệu của một văn bản có trong content/*/van-ban/",
                            "thêm văn bản đó (có thể chỉ gồm thông tin, không cần toàn văn) hoặc sửa số hiệu");
                }
                list.add(found.found() ? cite(found.document(), b.number(), false, null, null)
                        : new CitedDocument(b.number(), b.title(), null, null, false, null, b.issued()));
            }
            out.put(p, list);
        }
        return out;
    }

    private record CitedDate(LocalDate date, String source, int line) {
    }

    /** Warns when a number is cited with a date that another page, or the document itself, contradicts. */
    private void checkDate(Item item, Citation c, NumberIndex.Lookup found, Map<String, CitedDate> firstDates,
                           Diagnostics d) {
        if (c.date() == null) {
            return;
        }
        if (found.found() && found.document().issued() != null && !found.document().issued().equals(c.date())) {
            d.warning(item.meta().positions().file().at(c.line(), c.column()),
                    c.normalized() + " được dẫn với ngày " + c.date().format(DMY) + " nhưng ngày ban hành là "
                            + found.document().issued().format(DMY) + " (" + found.document().meta().source() + ")",
                    "ngày đi kèm số hiệu là ngày ban hành của văn bản", "sửa ngày trong câu dẫn");
            return;
        }
        String key = c.number().key();
        CitedDate first = firstDates.putIfAbsent(key, new CitedDate(c.date(), item.meta().source(), c.line()));
        if (first != null && !first.date().equals(c.date()) && !first.source().equals(item.meta().source())) {
            d.warning(item.meta().positions().file().at(c.line(), c.column()),
                    c.normalized() + " được dẫn với ngày " + c.date().format(DMY) + " nhưng " + first.source() + ":"
                            + first.line() + " dẫn với ngày " + first.date().format(DMY),
                    "một văn bản chỉ có một ngày ban hành", "kiểm tra lại ngày ở một trong hai nơi");
        }
    }

    private DocumentLinks links(LegalDocument doc, List<Edge> out, List<Edge> in, List<LegalDocument> cited,
                                List<Item> citedBy, Diagnostics d) {
        StatusRules.Verdict verdict = verdicts.get(doc);
        DocumentStatus status = verdict.status();
        if (doc.declaredStatus() != null && status != DocumentStatus.OUTDATED) {
            DocumentStatus declared = DocumentStatus.byLabel(doc.declaredStatus()).orElse(DocumentStatus.UNKNOWN);
            if (declared != status && status != DocumentStatus.UNKNOWN) {
                d.warning(doc.meta().positions().of("status"), "tình trạng khai báo \"" + declared.label()
                                + "\" khác tình trạng tính được \"" + status.label() + "\" tại ngày " + asOf.format(DMY)
                                + (verdict.reason() != null ? " (" + verdict.reason() + ")" : ""),
                        "tình trạng khớp với ngày hiệu lực, ngày hết hiệu lực và các văn bản thay thế, bãi bỏ",
                        "xóa dòng status để dùng tình trạng tính được, hoặc sửa ngày/quan hệ");
            }
        }
        Map<String, List<CitedDocument>> groups = new LinkedHashMap<>();
        for (RelationType t : RelationType.values()) {
            for (Edge e : out) {
                if (e.relation().type() == t) {
                    groups.computeIfAbsent(t.outwardLabel(), k -> new ArrayList<>())
                            .add(cite(e.to(), e.relation().number(), e.relation().partial(), e.relation().note(), null));
                }
            }
            for (Edge e : in) {
                if (e.relation().type() == t) {
                    groups.computeIfAbsent(t.inverseLabel(), k -> new ArrayList<>())
                            .add(cite(e.from(), e.from().number(), e.relation().partial(), e.relation().note(), null));
                }
            }
        }
        List<DocumentLinks.RelationGroup> relationGroups = new ArrayList<>();
        groups.forEach((label, docs) -> relationGroups.add(new DocumentLinks.RelationGroup(label, docs)));

        List<CitedDocument> citations = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Citation c : doc.meta().citations()) {
            String key = c.number().key();
            if (key.equals(doc.numberKey()) || !listed.add(key)) {
                continue;
            }
            LegalDocument target = cited.stream().filter(x -> key.equals(x.numberKey())).findFirst().orElse(null);
            citations.add(cite(target, c.normalized(), false, null, c.date()));
        }
        List<CitedDocument> citing = new ArrayList<>();
        for (Item i : citedBy) {
            LegalDocument from = (LegalDocument) i;
            citing.add(cite(from, from.number(), false, null, null));
        }
        citing.sort(Comparator.comparing(CitedDocument::number));
        return new DocumentLinks(status, verdict.reason(), relationGroups, citations, citing);
    }

    private CitedDocument cite(LegalDocument doc, String number, boolean partial, String note, LocalDate date) {
        if (doc == null) {
            return new CitedDocument(number, null, null, null, partial, note, date);
        }
        StatusRules.Verdict v = verdicts.get(doc);
        // Performance: one title string per document, not one per citation of it.
        String title = titles.computeIfAbsent(doc, x -> x.docType() + " " + x.number() + (x.summary() != null
                ? " – " + x.summary() : ""));
        return new CitedDocument(doc.number(), title, doc.url(), v == null ? null : v.status().label(), partial, note, date);
    }

    private final Map<LegalDocument, String> titles = new IdentityHashMap<>();
    private final Map<LegalDocument, String> targetOf = new IdentityHashMap<>();

    private static String issuers(List<LegalDocument> docs) {
        return String.join("; ", docs.stream().map(x -> x.issuer() + " (" + x.meta().source() + ")").toList());
    }

    /** What a cited number's lookup contributes to a linked body: the target's URL and title. */
    private String target(NumberIndex.Lookup found) {
        if (!found.found()) {
            return null;
        }
        synchronized (targetOf) {
            return targetOf.computeIfAbsent(found.document(), x -> x.url() + "\n" + x.docType() + " " + x.number());
        }
    }

    /** The item's body with citations linked: remembered from an earlier build, or linked now. */
    private vn.trang.model.Body linkedBody(Item item, NumberIndex index) {
        vn.trang.model.Body known = memo.recall(item, key -> target(index.find(key, null, item.site())));
        if (known != null) {
            return known;
        }
        Map<String, String> targets = new LinkedHashMap<>();
        return memo.remember(item, targets, linkCitations(item, index, targets));
    }

    private static Item withoutCitations(Item item) {
        return item.meta().citations().isEmpty() ? item : item.withMeta(item.meta().withoutCitations());
    }

    private static Item withBody(Item item, vn.trang.model.Body body) {
        // Procedures state their legal basis explicitly; their text is left as written.
        if (body == null || body == item.meta().body() || item instanceof Procedure) {
            return item;
        }
        return item.withMeta(item.meta().withBody(body));
    }

    /**
     * The body with each resolvable cited number turned into a link to its document, or null
     * when nothing was linked; {@code targets} receives every lookup made (see {@link LinkMemo}).
     */
    private String linkCitations(Item item, NumberIndex index, Map<String, String> targets) {
        return CitationLinks.link(item.bodyHtml(), c -> {
            String key = c.number().key();
            if (item instanceof LegalDocument self && key.equals(self.numberKey())) {
                return null;
            }
            NumberIndex.Lookup found = index.find(key, null, item.site());
            targets.putIfAbsent(key, target(found));
            return found.found() ? new CitationLinks.Target(found.document().url(),
                    found.document().docType() + " " + found.document().number()) : null;
        });
    }
}
