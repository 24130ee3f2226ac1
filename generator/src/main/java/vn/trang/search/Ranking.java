package vn.trang.search;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The weights of the ranking function, in one place so the evaluation can compare variants and
 * the service uses exactly the variant that won (docs/SEARCH.md has the measurements).
 *
 * <p>A document's score is the sum of these clauses' BM25 scores, each multiplied by its weight:
 *
 * @param folded       each query syllable, folded, in all fields (title, metadata, text)
 * @param exact        each syllable with its marks (only when the query has marks)
 * @param bigrams      each pair of adjacent syllables, folded
 * @param exactBigrams each pair with its marks (only when the query has marks)
 * @param title        each syllable, folded, in the title, scored by how much of the title the
 *                     query covers ({@link TitleCoverageSimilarity})
 * @param containedTitle the query contains the item's whole title ({@link ContainedKeyQuery})
 * @param containedMeta the query contains a whole metadata value: issuer, type, field, unit
 * @param titlePhrase  the whole query as a phrase in the title (2–12 syllables)
 * @param serviceTitle a procedure whose title holds nearly every content syllable of a short query:
 *                     the query names that service ({@link ServiceIntent})
 * @param keys         an exact document number or procedure code: a constant that outranks text
 * @param matchRatio   for queries longer than {@link #SHORT_QUERY} syllables, the share that must
 *                     occur; shorter queries need every syllable; 0 makes every query a plain OR
 * @param queryTermFrequency a syllable repeated in the query counts as often as it occurs
 * @param questionForm the weight of the question's own words ({@link QuestionForms}: "bao nhiêu",
 *                     "như thế nào", a final "không"…), which then never count toward the minimum
 *                     match; 1 treats them as any other word, 0 drops them
 * @param questionTitle for a short query in question form (up to 12 syllables), the weight of title
 *                     coverage instead of {@code title} (when higher): it names its topic as a
 *                     title does
 * @param questionMatch for a query in question form, the share of its other syllables that must
 *                     occur, however short it is (0: any one)
 * @param k1           BM25 term-frequency saturation
 * @param b            BM25 length normalisation
 * @param synonyms     each expression the {@link Synonyms} table gives for the query's words
 *                     ({@link SynonymClauses}); 0 leaves the table out
 */
public record Ranking(String name, float folded, float exact, float bigrams, float exactBigrams, float title,
                      float containedTitle, float containedMeta, float titlePhrase, float serviceTitle, float keys,
                      float matchRatio, boolean queryTermFrequency, float questionForm, float questionTitle,
                      float questionMatch, float k1, float b, float synonyms) {

    /** Up to this many distinct syllables, every one must match (search-box queries). */
    public static final int SHORT_QUERY = 4;
    /** However long the query, at most this many distinct syllables are required. */
    public static final int MAX_REQUIRED = 5;

    /**
     * The bar: BM25 over lower-cased syllables and syllable bigrams, with their marks,
     * any syllable matching. Every later variant starts here.
     */
    static final Ranking BASELINE = new Ranking("baseline-exact", 0f, 1f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, true,
            1f, 0f, 0f, 1.2f, 0.75f, 0f);

    /** What the service uses: the last step of {@link #variants()}; docs/SEARCH.md has the numbers. */
    public static final Ranking DEFAULT = BASELINE.with(
            "folded=1,bigrams=1,b=0.5,containedTitle=0.4,containedMeta=4,titlePhrase=2,keys=1000,"
                    + "matchRatio=0.6,serviceTitle=50,questionForm=0.1,questionMatch=0.4,questionTitle=2,synonyms=0.5")
                    .named("default");

    /**
     * The variants docs/SEARCH.md reports, a ladder: each adds one thing to the one before, so the
     * table shows what each step is worth.
     */
    public static List<Ranking> variants() {
        Ranking folded = BASELINE.with("folded=1,exact=0,bigrams=1,exactBigrams=0").named("baseline-folded");
        Ranking both = BASELINE.with("folded=1,bigrams=1").named("folded+exact");
        Ranking b = both.with("b=0.5").named("+b=0.5");
        Ranking title = b.with("containedTitle=0.4").named("+contained-title");
        Ranking meta = title.with("containedMeta=4").named("+contained-meta");
        Ranking keywords = meta.with("titlePhrase=2,keys=1000,matchRatio=0.6,serviceTitle=50").named("+keyword-queries");
        Ranking questions = keywords.with("questionForm=0.1,questionMatch=0.4").named("+question-form");
        Ranking synonyms = questions.with("synonyms=0.5").named("+synonyms");
        return List.of(BASELINE, folded, both, b, title, meta, keywords, questions, synonyms, DEFAULT);
    }

    /** The same weights under another name. */
    public Ranking named(String newName) {
        return new Ranking(newName, folded, exact, bigrams, exactBigrams, title, containedTitle, containedMeta,
                titlePhrase, serviceTitle, keys, matchRatio, queryTermFrequency, questionForm, questionTitle, questionMatch,
                k1, b, synonyms);
    }

    public static Ranking byName(String name) {
        return variants().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("không có phương án xếp hạng '" + name + "'"));
    }

    /**
     * This ranking with some weights changed: {@code "bigrams=2,k1=1.5"}. For exploring variants
     * with {@code trang-tools eval-search --set}; the names are this record's components.
     */
    public Ranking with(String overrides) {
        RecordComponent[] components = Ranking.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(this);
            }
            StringBuilder name = new StringBuilder(this.name);
            String separator = ",";
            for (String pair : overrides.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                int i = indexOf(components, kv[0].strip());
                if (kv.length != 2 || i <= 0) {
                    throw new IllegalArgumentException("không có trọng số '" + pair + "'");
                }
                values[i] = components[i].getType() == boolean.class ? Boolean.parseBoolean(kv[1].strip())
                        : Float.parseFloat(kv[1].strip());
                name.append(separator).append(pair.strip());
            }
            values[0] = name.toString();
            Constructor<Ranking> c = Ranking.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return c.newInstance(values);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("không phải số: " + overrides, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e instanceof InvocationTargetException t ? t.getCause() : e);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The minimum number of distinct syllables that must match: all of a short query; a share of
     * a longer one, but never more than {@link #MAX_REQUIRED}, because a pasted question shares
     * only a handful of words with the article that answers it. A ratio of 0 means any one.
     */
    public int minimumMatch(int distinct) {
        return minimumMatch(distinct, false);
    }

    /**
     * As {@link #minimumMatch(int)}; for a query in question form ({@code question}: it holds
     * {@link QuestionForms} words, counted apart), the share applies however short the rest is.
     * A question is natural language, worded as the citizen speaks ("hộ khẩu", "lấy chồng") and
     * not as the law writes ("thường trú", "kết hôn"): requiring every one of its words finds
     * nothing as soon as one is not the law's. A search-box query of keywords keeps needing all.
     */
    public int minimumMatch(int distinct, boolean question) {
        if (question) {
            return Math.min(MAX_REQUIRED, Math.max(Math.min(1, distinct), (int) Math.ceil(distinct * questionMatch)));
        }
        if (matchRatio <= 0) {
            return Math.min(1, distinct);
        }
        if (distinct <= SHORT_QUERY) {
            return distinct;
        }
        return Math.min(MAX_REQUIRED, Math.max(SHORT_QUERY, (int) Math.ceil(distinct * matchRatio)));
    }
}
