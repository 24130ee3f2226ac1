package vn.trang.index;

import java.util.List;

/**
 * The index schema: every field name, and what it is for. Analysed fields come in an accent-
 * preserving and a folded variant (docs/DOMAIN.md#vietnamese-text); "all" fields hold the title, the metadata and
 * the text as separate values, so matching and BM25 see one document-length and one IDF per term
 * instead of summing fields that repeat each other.
 *
 * <pre>
 * field               indexed as                          stored   for
 * id                  keyword                             yes      the item's URL
 * hit                 binary doc value ({@link HitRecord}) —       url, title, site, date… of a hit
 * all.exact           EXACT, freqs                        no       matching with marks
 * all.folded          FOLDED, positions                   no       matching without marks, phrases
 * all.bigrams         FOLDED_BIGRAMS, freqs               no       proximity, "words" of two syllables
 * all.exact_bigrams   EXACT_BIGRAMS, freqs                no       the same with marks
 * title.folded        FOLDED, positions                   no       title coverage, title phrase
 * title.key           the whole folded title, one term    no       the query contains the whole title
 * meta.key            each folded metadata value, site    no       the query names the issuer, type,
 *                     name                                         field, law or unit
 * body                FOLDED, positions and offsets       yes      the snippet (search.Snippets reads offsets)
 * key                 keyword, normalised                 no       document numbers and procedure codes
 * site type field     keyword + sorted-set doc values     site,type filters and facet counts
 * year status level
 * date_sort           numeric doc values (epoch day)      no       sort by date
 * order               numeric doc values                  no       index sort: ties stay newest first
 * </pre>
 */
public final class SearchFields {

    public static final String ID = "id";
    /** What a hit shows, one binary doc value ({@link HitRecord}). */
    public static final String HIT = "hit";

    public static final String ALL_EXACT = "all.exact";
    public static final String ALL_FOLDED = "all.folded";
    public static final String ALL_BIGRAMS = "all.bigrams";
    public static final String ALL_EXACT_BIGRAMS = "all.exact_bigrams";
    public static final String TITLE_FOLDED = "title.folded";
    public static final String TITLE_KEY = "title.key";
    public static final String META_KEY = "meta.key";
    /** Titles and metadata values longer than this (in syllables) get no key. */
    public static final int KEY_MAX_SYLLABLES = 16;
    public static final String BODY = "body";

    public static final String KEY = "key";
    public static final String DATE_SORT = "date_sort";
    /** The document's place in the input (newest first): the index is sorted by it, so equal scores keep that order. */
    public static final String ORDER = "order";

    /** The facet and filter dimensions, in the order pages show them. */
    public static final String SITE = "site";
    public static final String TYPE = "type";
    public static final String FIELD = "field";
    public static final String YEAR = "year";
    public static final String STATUS = "status";
    public static final String LEVEL = "level";
    public static final List<String> FACETS = List.of(SITE, TYPE, FIELD, YEAR, STATUS, LEVEL);

    private SearchFields() {
    }
}
