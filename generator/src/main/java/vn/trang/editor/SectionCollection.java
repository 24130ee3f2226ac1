package vn.trang.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.trang.model.Section;
import vn.trang.parse.schema.CommonFields;
import vn.trang.parse.schema.ItemSchema;
import vn.trang.parse.schema.Schemas;
import vn.trang.yaml.Field;

/**
 * One section of one site as a Decap folder collection: its Markdown files, one per item, with
 * the fields of the section's schema ({@link Schemas}) and the common ones, each required
 * exactly when the parser requires it.
 */
final class SectionCollection {

    /** Common keys shown before the section's own; the others (draft, sample…) after them. */
    private static final Set<String> LEADING = Set.of("title", "slug", "summary", "date", "updated");

    private SectionCollection() {
    }

    /** The schema's keys as the parser checks them, in the order the editor shows them. */
    static List<Field> fields(Section section) {
        ItemSchema schema = Schemas.of(section);
        List<Field> lead = new ArrayList<>();
        List<Field> trail = new ArrayList<>();
        for (Field f : CommonFields.FIELDS) {
            Field asParsed = switch (f.key()) {
                case "title" -> schema.titleRequired() ? CommonFields.required(f) : f;
                case "summary" -> schema.summaryRequired() ? CommonFields.required(f) : f;
                case "date" -> schema.dateRequired() ? CommonFields.required(f) : f;
                default -> f;
            };
            (LEADING.contains(f.key()) ? lead : trail).add(asParsed);
        }
        List<Field> out = new ArrayList<>(lead);
        out.addAll(schema.fields());
        out.addAll(trail);
        return out;
    }

    /**
     * @param folder the section's folder in the repository the editor writes to
     */
    static Map<String, Object> of(Section section, String folder, Widgets widgets) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", section.folder());
        c.put("label", section.title());
        c.put("folder", folder);
        c.put("create", true);
        c.put("extension", "md");
        c.put("format", "yaml-frontmatter");
        // a document is named by its number (08/HD-STP → 08-hd-stp.md), as the parser names its URL
        boolean document = section == Section.DOCUMENTS;
        c.put("identifier_field", document ? "number" : "title");
        c.put("slug", "{{slug}}");
        c.put("summary", document ? "{{number}} — {{summary}}" : "{{title}}");
        // attachments and images are saved beside the Markdown file, where the build looks for them
        c.put("media_folder", "");
        c.put("public_folder", "");
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Field f : fields(section)) {
            fields.add(widgets.of(f));
        }
        fields.add(Widgets.body());
        c.put("fields", fields);
        return c;
    }
}
