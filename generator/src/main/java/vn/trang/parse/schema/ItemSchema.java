package vn.trang.parse.schema;

import java.util.List;

import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.yaml.Field;
import vn.trang.yaml.YamlMap;

/**
 * The front-matter schema of one content type: which keys it has and how they become the
 * type's record. Adding a section means adding one implementation and registering it in
 * {@link Schemas}.
 */
public interface ItemSchema {

    /** The keys of this type, in addition to {@link CommonFields#FIELDS}. */
    List<Field> fields();

    /**
     * Keys of an older format, still accepted so the parser can say where their values went;
     * never offered to an editor.
     */
    default List<Field> retired() {
        return List.of();
    }

    /** Whether {@code title} is required (documents derive theirs from type and number). */
    default boolean titleRequired() {
        return true;
    }

    /** Whether {@code summary} is required. */
    default boolean summaryRequired() {
        return false;
    }

    /** Whether {@code date} is required. */
    default boolean dateRequired() {
        return false;
    }

    /** Type-specific values read before the common ones, e.g. a document's number. */
    default Prelude prelude(YamlMap y) {
        return new Prelude(null, null, null);
    }

    /**
     * Builds the record. Problems are reported to {@code y.diagnostics()}; the returned item may
     * then be incomplete and is discarded by the caller.
     */
    Item read(YamlMap y, ItemMeta meta, Prelude prelude);

    /**
     * As {@link #read(YamlMap, ItemMeta, Prelude)}, for types that also need the file itself
     * (attachments beside it, each noted in {@code looked}). The parser calls this one.
     */
    default Item read(YamlMap y, ItemMeta meta, Prelude prelude, vn.trang.load.SourceFile source,
                      FileDependencies looked) {
        return read(y, meta, prelude);
    }

    /**
     * Values a type supplies for the common fields when the editor leaves them out.
     *
     * @param defaultTitle a title made from other fields (documents), or null
     * @param defaultSlug  a slug source made from other fields (documents: the number), or null
     * @param defaultDate  a date made from other fields (documents: the issue date), or null
     */
    record Prelude(String defaultTitle, String defaultSlug, java.time.LocalDateTime defaultDate) {
    }
}
