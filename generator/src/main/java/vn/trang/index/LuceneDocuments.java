package vn.trang.index;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link SearchDocument} into a Lucene document following {@link SearchFields}. */
public final class LuceneDocuments {

    /** Bigram fields need no positions: a bigram already is the adjacency. */
    private static final FieldType BIGRAMS = frozen(IndexOptions.DOCS_AND_FREQS, false, false);
    /** The snippet field: stored text, offsets in the postings so highlighting re-analyses nothing. */
    private static final FieldType BODY = frozen(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, true, true);

    private LuceneDocuments() {
    }

    /** @param order the document's place in the input; the index is sorted by it */
    public static Document of(SearchDocument d, long order) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(SearchFields.ORDER, order));
        doc.add(new StringField(SearchFields.ID, d.url(), Field.Store.YES));
        doc.add(new BinaryDocValuesField(SearchFields.HIT, HitRecord.of(d).encode()));
        if (d.date() != null) {
            doc.add(new NumericDocValuesField(SearchFields.DATE_SORT, d.date().toEpochDay()));
        }

        text(doc, SearchFields.TITLE_FOLDED, d.title());
        key(doc, SearchFields.TITLE_KEY, d.title());
        d.meta().forEach(m -> key(doc, SearchFields.META_KEY, m));
        key(doc, SearchFields.META_KEY, d.siteName());
        all(doc, d.title());
        d.meta().forEach(m -> all(doc, m));
        all(doc, d.summary());
        all(doc, d.body());
        String snippet = d.snippetText();
        if (!snippet.isEmpty()) {
            doc.add(new Field(SearchFields.BODY, snippet, BODY));
        }

        d.keys().forEach(k -> doc.add(new StringField(SearchFields.KEY, k, Field.Store.NO)));
        facet(doc, SearchFields.SITE, d.site());
        facet(doc, SearchFields.TYPE, d.type());
        d.fields().forEach(f -> facet(doc, SearchFields.FIELD, f));
        facet(doc, SearchFields.YEAR, d.year() == null ? null : d.year().toString());
        facet(doc, SearchFields.STATUS, d.status());
        facet(doc, SearchFields.LEVEL, d.level());
        return doc;
    }

    /** One value of every "all" field; values stay separate so phrases and bigrams do not cross them. */
    private static void all(Document doc, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        text(doc, SearchFields.ALL_EXACT, value);
        text(doc, SearchFields.ALL_FOLDED, value);
        doc.add(new Field(SearchFields.ALL_BIGRAMS, value, BIGRAMS));
        doc.add(new Field(SearchFields.ALL_EXACT_BIGRAMS, value, BIGRAMS));
    }

    /** A whole value as one folded term, for {@code ContainedKeyQuery}. */
    private static void key(Document doc, String field, String value) {
        String key = VietnameseAnalyzers.titleKey(value, SearchFields.KEY_MAX_SYLLABLES);
        if (key != null) {
            doc.add(new StringField(field, key, Field.Store.NO));
        }
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /** A filterable keyword and its doc values for counting. */
    private static void facet(Document doc, String dim, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        doc.add(new StringField(dim, v, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(dim, new BytesRef(v)));
    }

    private static FieldType frozen(IndexOptions options, boolean stored, boolean omitNorms) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(options);
        t.setStored(stored);
        t.setOmitNorms(omitNorms);
        t.freeze();
        return t;
    }
}
