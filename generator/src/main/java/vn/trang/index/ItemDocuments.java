package vn.trang.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsItem;
import vn.trang.model.Procedure;

/**
 * Maps content items to {@link SearchDocument}s. Reads items only through the {@link Item}
 * interface and the documented accessors of each type (docs/THEME.md), so the model can grow
 * fields without this class changing.
 */
public final class ItemDocuments {

    private ItemDocuments() {
    }

    public static SearchDocument of(Item item) {
        List<String> meta = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        Integer year = item.date() == null ? null : item.date().getYear();
        LocalDate date = item.date() == null ? null : item.date().toLocalDate();
        String status = null;
        String level = null;
        String number = null;
        String code = null;
        if (item instanceof LegalDocument d) {
            number = d.number();
            add(meta, d.number(), d.docType(), d.issuer(), d.signer());
            d.fields().forEach(f -> add(meta, f));
            fields.addAll(nonBlank(d.fields()));
            DocumentKeys.ofNumber(d.number()).ifPresent(keys::add);
            status = blankToNull(d.status());
            if (d.issued() != null) {
                // The year a citizen remembers is the year of issue, not of publication on the site.
                year = d.issued().getYear();
                date = date == null ? d.issued() : date;
            }
        } else if (item instanceof Procedure p) {
            code = p.code();
            add(meta, p.code(), p.field(), p.agency(), p.levelLabel());
            fields.addAll(nonBlank(List.of(Objects.toString(p.field(), ""))));
            DocumentKeys.ofCode(p.code()).ifPresent(keys::add);
            level = blankToNull(p.level());
        } else if (item instanceof NewsItem n) {
            add(meta, n.categoryLabel());
        }
        return new SearchDocument(item.url(), item.title(), meta, item.summary(), VisibleText.of(item.bodyHtml()), keys,
                item.site().id(), item.site().name(), item.type(), fields, year, status, level, date, number, code);
    }

    private static void add(List<String> out, String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
