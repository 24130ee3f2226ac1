package vn.trang.index;

import java.util.List;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import vn.trang.index.AnalysedTokens.Form;

/**
 * Turns a {@link SearchDocument} into a Lucene document following {@link SearchFields}. Each text
 * value is analysed once ({@link AnalysedText}) and replayed into every field that holds it.
 */
public final class LuceneDocuments {

    /** Exact syllables are only looked up one by one (phrases use the folded field): no positions. */
    private static final FieldType EXACT = frozen(IndexOptions.DOCS_AND_FREQS, false);
    /** Folded syllables: positions for phrases. */
    private static final FieldType FOLDED = frozen(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);
    /** Bigram fields need no positions: a bigram already is the adjacency. */
    private static final FieldType BIGRAMS = frozen(IndexOptions.DOCS_AND_FREQS, false);
    /** The snippet field: offsets in the postings so snippets re-analyse nothing; the text is stored beside. */
    private static final FieldType BODY = frozen(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, true);

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

        AnalysedText title = AnalysedText.of(d.title());
        List<AnalysedText> meta = d.meta().stream().map(AnalysedText::of).toList();
        AnalysedText summary = AnalysedText.of(d.summary());
        AnalysedText body = AnalysedText.of(d.body());
        if (title.size() > 0) {
            doc.add(new Field(SearchFields.TITLE_FOLDED, new AnalysedTokens(title, Form.FOLDED), FOLDED));
        }
        key(doc, SearchFields.TITLE_KEY, title);
        meta.forEach(m -> key(doc, SearchFields.META_KEY, m));
        key(doc, SearchFields.META_KEY, AnalysedText.of(d.siteName()));
        all(doc, title);
        meta.forEach(m -> all(doc, m));
        all(doc, summary);
        all(doc, body);
        snippet(doc, d, summary, body);

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
    private static void all(Document doc, AnalysedText value) {
        if (value.size() == 0) {
            return;
        }
        doc.add(new Field(SearchFields.ALL_EXACT, new AnalysedTokens(value, Form.EXACT), EXACT));
        doc.add(new Field(SearchFields.ALL_FOLDED, new AnalysedTokens(value, Form.FOLDED), FOLDED));
        doc.add(new Field(SearchFields.ALL_BIGRAMS, new AnalysedTokens(value, Form.FOLDED_BIGRAMS), BIGRAMS));
        doc.add(new Field(SearchFields.ALL_EXACT_BIGRAMS, new AnalysedTokens(value, Form.EXACT_BIGRAMS), BIGRAMS));
    }

    /**
     * The snippet text, stored, and its folded syllables with offsets into it: the summary's, then
     * the body's after the line break that joins them, up to where the text was cut.
     */
    private static void snippet(Document doc, SearchDocument d, AnalysedText summary, AnalysedText body) {
        String text = d.snippetText();
        if (text.isEmpty()) {
            return;
        }
        doc.add(new StoredField(SearchFields.BODY, SnippetText.encode(text)));
        int bodyStart = d.summary().isEmpty() ? 0 : d.summary().length() + 1;
        AnalysedTokens tokens = new AnalysedTokens(new AnalysedText[] {summary, body}, new int[] {0, bodyStart},
                text.length(), Form.FOLDED);
        doc.add(new Field(SearchFields.BODY, tokens, BODY));
    }

    /** A whole value as one folded term, for {@code ContainedKeyQuery}. */
    private static void key(Document doc, String field, AnalysedText value) {
        BytesRef key = value.key(SearchFields.KEY_MAX_SYLLABLES);
        if (key != null) {
            doc.add(new StringField(field, key, Field.Store.NO));
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

    private static FieldType frozen(IndexOptions options, boolean omitNorms) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(options);
        t.setOmitNorms(omitNorms);
        t.freeze();
        return t;
    }
}
