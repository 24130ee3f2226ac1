package vn.trang.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.legal.DocumentTypes;
import vn.trang.model.ChannelType;
import vn.trang.model.DocumentStatus;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsCategory;
import vn.trang.model.ServiceLevel;
import vn.trang.parse.schema.PageSchema;

/**
 * The options of the editor's selects, taken from the enumerations the parser checks against,
 * so a value the editor offers is one the build accepts. Each is a label the editor shows and
 * the value written to the file.
 */
final class Choices {

    private Choices() {
    }

    static List<Map<String, Object>> newsCategories() {
        return Arrays.stream(NewsCategory.values()).map(c -> option(c.label(), c.id())).toList();
    }

    static List<Map<String, Object>> documentTypes() {
        return DocumentTypes.names().stream().map(n -> option(n, n)).toList();
    }

    /** Written as its label: that is what the parser reads (vbpl.vn's wording). */
    static List<Map<String, Object>> statuses() {
        return Arrays.stream(DocumentStatus.values()).map(s -> option(s.label(), s.label())).toList();
    }

    static List<Map<String, Object>> serviceLevels() {
        return ServiceLevel.currentLevels().stream().map(l -> option(l.label(), l.id())).toList();
    }

    static List<Map<String, Object>> implementingLevels() {
        return Arrays.stream(ImplementingLevel.values()).map(l -> option(l.label(), l.id())).toList();
    }

    static List<Map<String, Object>> channelTypes() {
        return Arrays.stream(ChannelType.values()).map(c -> option(c.label(), c.id())).toList();
    }

    static List<Map<String, Object>> languages() {
        return PageSchema.LANGUAGES.stream().map(l -> option(l.equals("vi") ? "Tiếng Việt" : "Tiếng Anh", l)).toList();
    }

    /**
     * The catalog's documents, by number and title, each number once (the first site's entry),
     * sorted by number: what a relation may name.
     */
    static List<Map<String, Object>> documents(List<LegalDocument> catalog) {
        Map<String, Map<String, Object>> byNumber = new LinkedHashMap<>();
        for (LegalDocument d : catalog) {
            if (d.number() != null) {
                // a title made from type and number says nothing more; the summary (trích yếu) does
                String title = d.meta().title() == null || d.meta().title().endsWith(d.number())
                        ? d.meta().summary() : d.meta().title();
                String label = title == null || title.isBlank() ? d.number() : d.number() + " — " + shortened(title);
                byNumber.putIfAbsent(d.number(), option(label, d.number()));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(byNumber.values());
        out.sort((a, b) -> String.valueOf(a.get("value")).compareTo(String.valueOf(b.get("value"))));
        return out;
    }

    private static String shortened(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 119) + "…" : one;
    }

    private static Map<String, Object> option(String label, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("value", value);
        return m;
    }
}
