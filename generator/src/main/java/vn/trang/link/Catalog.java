package vn.trang.link;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.load.SiteRegistry;
import vn.trang.model.CitedDocument;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsItem;
import vn.trang.model.Page;
import vn.trang.model.Procedure;
import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * One catalog across all sites: every item, grouped by site and section in display order.
 * This is where cross-site facts live (the portal's aggregation now; document numbers,
 * relations and statistics as they arrive).
 */
public final class Catalog {

    /** Newest first; undated items last, then by title for a stable order. */
    static final Comparator<Item> NEWEST_FIRST = Comparator
            .comparing(Item::date, Comparator.nullsLast(Comparator.<LocalDateTime>reverseOrder()))
            .thenComparing(Item::title)
            .thenComparing(Item::url);

    private static final Comparator<Item> BY_TITLE = Comparator.comparing(Item::title).thenComparing(Item::url);

    private static final Comparator<Item> BY_WEIGHT = Comparator
            .comparingInt((Item i) -> i instanceof Page p ? p.weight() : 0)
            .thenComparing(BY_TITLE);

    private final SiteRegistry registry;
    private final Map<String, Map<Section, List<Item>>> bySite = new HashMap<>();
    private final List<Item> all;
    private final Map<Procedure, List<CitedDocument>> procedureBasis;

    public Catalog(SiteRegistry registry, List<Item> items) {
        this(registry, items, Map.of());
    }

    /** @param procedureBasis each procedure's legal basis resolved against the document index */
    public Catalog(SiteRegistry registry, List<Item> items, Map<Procedure, List<CitedDocument>> procedureBasis) {
        this.registry = registry;
        this.procedureBasis = procedureBasis;
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(NEWEST_FIRST);
        this.all = List.copyOf(sorted);
        for (Item i : sorted) {
            bySite.computeIfAbsent(i.site().id(), k -> new EnumMap<>(Section.class))
                    .computeIfAbsent(i.meta().section(), k -> new ArrayList<>()).add(i);
        }
        for (Map<Section, List<Item>> sections : bySite.values()) {
            for (Map.Entry<Section, List<Item>> e : sections.entrySet()) {
                e.getValue().sort(order(e.getKey()));
            }
        }
    }

    private static Comparator<Item> order(Section s) {
        return switch (s) {
            case NEWS, DOCUMENTS -> NEWEST_FIRST;
            case PROCEDURES -> Comparator.comparing((Item i) -> ((Procedure) i).field(),
                    Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(BY_TITLE);
            case PAGES -> BY_WEIGHT;
            default -> NEWEST_FIRST;
        };
    }

    public SiteRegistry registry() {
        return registry;
    }

    /** Every item of every site, newest first. */
    public List<Item> all() {
        return all;
    }

    /** A site's items of one section, in the section's display order. */
    public List<Item> items(Site site, Section section) {
        return List.copyOf(bySite.getOrDefault(site.id(), Map.of()).getOrDefault(section, List.of()));
    }

    /** All items of a site. */
    public List<Item> items(Site site) {
        List<Item> out = new ArrayList<>();
        for (Section s : Section.values()) {
            out.addAll(items(site, s));
        }
        return out;
    }

    /**
     * A site's standing page by its file name without ".md" (e.g. "gioi-thieu"), whatever its
     * title and slug: the file name is the convention editors know.
     */
    public Optional<Page> page(Site site, String fileStem) {
        return items(site, Section.PAGES).stream()
                .filter(i -> i.meta().source().replace('\\', '/').endsWith("/" + fileStem + ".md"))
                .map(Page.class::cast).findFirst();
    }

    /** The newest news of every site (the portal aggregates them, labelled by unit). */
    public List<NewsItem> latestNews(int limit) {
        return all.stream().filter(NewsItem.class::isInstance).map(NewsItem.class::cast).limit(limit).toList();
    }

    /**
     * What the portal lists for a section: every unit's documents and procedures (the province's
     * index and catalog), its own items for other sections.
     */
    public List<Item> listedOnPortal(Section section) {
        if (section == Section.DOCUMENTS || section == Section.PROCEDURES) {
            Class<? extends Item> type = section == Section.DOCUMENTS ? LegalDocument.class : Procedure.class;
            List<Item> list = new ArrayList<>(all.stream().filter(type::isInstance).toList());
            list.sort(order(section));
            return list;
        }
        return items(registry.portal(), section);
    }

    /** A procedure's legal basis with links and validity, in the order written. */
    public List<CitedDocument> basis(Procedure p) {
        return procedureBasis.getOrDefault(p, List.of());
    }

    public Map<Procedure, List<CitedDocument>> procedureBasis() {
        return procedureBasis;
    }

    public List<Procedure> procedures() {
        return all.stream().filter(Procedure.class::isInstance).map(Procedure.class::cast).toList();
    }

    public List<LegalDocument> documents() {
        return all.stream().filter(LegalDocument.class::isInstance).map(LegalDocument.class::cast).toList();
    }
}
