package vn.trang.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.DocumentStatus;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.Procedure;
import vn.trang.model.ServiceLevel;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Section;
import vn.trang.text.Slugs;

/** Facet dimensions per section and the counting behind the sidebar and facet pages. */
public final class Facets {

    /** A facet value and the items that have it. */
    public record Bucket(String slug, String label, List<Item> items) {
    }

    /** What the sidebar shows for a dimension. */
    public record FacetGroup(String id, String title, List<FacetValue> values) {
    }

    public record FacetValue(String label, String url, int count, boolean current) {
    }

    private Facets() {
    }

    public static List<FacetDimension> of(Section section) {
        if (section == Section.DOCUMENTS) {
            return List.of(
                    new FacetDimension("loai", "Loại văn bản", i -> one(((LegalDocument) i).docType()), false),
                    new FacetDimension("nam", "Năm ban hành", i -> one(((LegalDocument) i).year() == null ? null
                            : String.valueOf(((LegalDocument) i).year())), true),
                    new FacetDimension("co-quan", "Cơ quan ban hành", i -> one(((LegalDocument) i).issuer()), false),
                    new FacetDimension("linh-vuc", "Lĩnh vực", i -> ((LegalDocument) i).fields(), false),
                    new FacetDimension("hieu-luc", "Tình trạng hiệu lực", i -> one(((LegalDocument) i).status()), false));
        }
        if (section == Section.PROCEDURES) {
            return List.of(
                    new FacetDimension("linh-vuc", "Lĩnh vực", i -> one(((Procedure) i).field()), false),
                    new FacetDimension("muc-do", "Mức độ dịch vụ công", i -> one(((Procedure) i).levelLabel()), false,
                            label -> java.util.Arrays.stream(ServiceLevel.values()).filter(l -> l.label().equals(label))
                                    .map(ServiceLevel::id).findFirst().orElseGet(() -> Slugs.slugify(label))),
                    new FacetDimension("cap-thuc-hien", "Cấp thực hiện", i -> ((Procedure) i).implementingLevels().stream()
                            .map(ImplementingLevel::label).toList(), false),
                    new FacetDimension("co-quan", "Cơ quan thực hiện", i -> one(((Procedure) i).agency()), false));
        }
        return List.of();
    }

    private static List<String> one(String v) {
        return v == null || v.isBlank() ? List.of() : List.of(v);
    }

    /** The URL segment of a value: status ids are fixed, other values are slugged. */
    public static String slug(String label) {
        return DocumentStatus.byLabel(label).map(DocumentStatus::id).orElseGet(() -> Slugs.slugify(label));
    }

    /** Buckets of one dimension, in display order: by count (ties by label), or newest first. */
    public static List<Bucket> buckets(FacetDimension dim, List<Item> items) {
        Map<String, Bucket> bySlug = new LinkedHashMap<>();
        Map<String, String> slugs = new java.util.HashMap<>();
        for (Item i : items) {
            for (String v : dim.values().apply(i)) {
                String slug = slugs.computeIfAbsent(v, dim.slugs());
                if (slug.isEmpty()) {
                    continue;
                }
                bySlug.computeIfAbsent(slug, s -> new Bucket(s, v, new ArrayList<>())).items().add(i);
            }
        }
        List<Bucket> out = new ArrayList<>(bySlug.values());
        if (dim.newestFirst()) {
            out.sort(Comparator.comparing(Bucket::label).reversed());
        } else {
            out.sort(Comparator.comparingInt((Bucket b) -> -b.items().size()).thenComparing(Bucket::label));
        }
        return out;
    }

    public static String url(String sectionUrl, FacetDimension dim, String slug) {
        return sectionUrl + dim.segment() + "/" + slug + "/";
    }

    /** The sidebar: every dimension with its values and counts; the current value marked. */
    public static List<FacetGroup> groups(List<FacetDimension> dims, List<Item> items, String sectionUrl,
                                          FacetDimension currentDim, String currentSlug) {
        return groupsOf(dims, dims.stream().map(dim -> buckets(dim, items)).toList(), sectionUrl, currentDim, currentSlug);
    }

    /**
     * The sidebar of one facet page: {@code plain}'s groups (no value marked) with the value whose
     * page is {@code currentUrl} marked in the group {@code dimId}. The other groups, and their
     * value lists, are the very same objects on every page of a list: a page-model fingerprint
     * hashes a shared list once per build (at 10,000 pages, hashing each facet page's own
     * copy of the sidebar was half of a one-file edit's fingerprinting).
     */
    public static List<FacetGroup> marked(List<FacetGroup> plain, String dimId, String currentUrl) {
        List<FacetGroup> out = new ArrayList<>(plain.size());
        for (FacetGroup g : plain) {
            if (!g.id().equals(dimId)) {
                out.add(g);
                continue;
            }
            List<FacetValue> values = new ArrayList<>(g.values().size());
            for (FacetValue v : g.values()) {
                values.add(v.url().equals(currentUrl) ? new FacetValue(v.label(), v.url(), v.count(), true) : v);
            }
            out.add(new FacetGroup(g.id(), g.title(), values));
        }
        return out;
    }

    /**
     * The same from each dimension's {@link #buckets} computed once (a list's facet pages all show
     * one sidebar: recounting it per page made planning quadratic in the list's size).
     */
    public static List<FacetGroup> groupsOf(List<FacetDimension> dims, List<List<Bucket>> bucketsPerDim, String sectionUrl,
                                            FacetDimension currentDim, String currentSlug) {
        List<FacetGroup> groups = new ArrayList<>();
        for (int k = 0; k < dims.size(); k++) {
            FacetDimension dim = dims.get(k);
            List<FacetValue> values = new ArrayList<>();
            for (Bucket b : bucketsPerDim.get(k)) {
                values.add(new FacetValue(b.label(), url(sectionUrl, dim, b.slug()), b.items().size(),
                        dim == currentDim && b.slug().equals(currentSlug)));
            }
            if (!values.isEmpty()) {
                groups.add(new FacetGroup(dim.segment(), dim.title(), values));
            }
        }
        return groups;
    }
}
