package vn.trang.search;

import java.util.List;

import vn.trang.text.Slugs;

/**
 * The question form of Vietnamese, which a citizen types around what they ask about: "Có được cho
 * thuê xe đang thế chấp không?", "Đăng ký tạm trú cần những gì?", "… là bao nhiêu ạ?". These words
 * say that it is a question and what kind of answer is wanted, not what it is about, and the
 * articles that answer never repeat them; yet in a corpus of law they are rare, so BM25 gives them
 * a high IDF and ranks first whatever happens to contain "bao nhiêu" or "như thế nào".
 *
 * <p>The list is written from the grammar of questions (interrogative words and phrases, the
 * "có … không" / "đã … chưa" frames, sentence-final particles, the polite openings of a question),
 * not from any evaluation's misses. Two kinds:
 * <ul>
 * <li>phrases that are a question form wherever they stand ("bao nhiêu", "như thế nào", "ở đâu",
 *     "là gì", "cần những gì", "hay không", "có được", "xin hỏi"…);
 * <li>openings that are one only at the start ("muốn" of "Muốn … thì phải làm gì?", "em" as the
 *     asker's pronoun: inside a query "trẻ em" is content);
 * <li>particles that are one only at the end of the query ("không", "chưa", "ạ", "vậy", "nhé"…):
 *     inside a query they are content ("không gian", "người không có quốc tịch", "chưa thành niên").
 * </ul>
 * Only what the answer does not repeat is the question's own. An answer replaces the interrogative
 * ("gì", "đâu", "bao nhiêu", "thế nào") and drops the frame ("có … không", "hay không") and the
 * asker's courtesies, but it keeps the copula, the verbs and the modals around them: "X là gì?" is
 * answered by "X là …" (a definitions article), "Có phải đăng ký không?" by "phải đăng ký", "Có
 * được cho thuê không?" by "được cho thuê", "Nộp ở đâu?" by "nộp ở …". So in "là gì", "có được",
 * "có phải", "ở đâu" only the interrogative or the frame word is down-weighted; the other word is
 * there to tell the form apart ("+là" in the lists below) and stays content.
 *
 * <p>A query typed without marks is matched folded, except for the words whose folding is a common
 * content word ("thì" → "thi" exam, "vậy" → "vay" loan, "thế" → "the" card, "hả" → "ha" hectare,
 * "ạ"/"à" → "a"): those count only with their marks.
 */
final class QuestionForms {

    private QuestionForms() {
    }

    /**
     * A form: its syllables with marks, lower case, which of them are the question's own (the
     * others, written {@code +là}, only tell the form apart and stay content), and whether its
     * folding is safe to match.
     */
    private record Form(List<String> syllables, List<String> folded, boolean[] own, boolean foldable) {
        static Form of(String text, boolean foldable) {
            String[] words = text.split(" ");
            boolean[] own = new boolean[words.length];
            for (int i = 0; i < words.length; i++) {
                own[i] = !words[i].startsWith("+");
                words[i] = words[i].replace("+", "");
            }
            List<String> s = List.of(words);
            return new Form(s, s.stream().map(Slugs::fold).toList(), own, foldable);
        }
    }

    private static final List<Form> ANYWHERE = List.of(
            Form.of("+như thế nào", true), Form.of("+làm thế nào", true), Form.of("thế nào", true),
            Form.of("ra sao", true), Form.of("+làm sao", true), Form.of("bao nhiêu", true), Form.of("bao lâu", true),
            Form.of("+ở đâu", true), Form.of("+là gì", true), Form.of("+cần những gì", true), Form.of("những gì", true),
            Form.of("+phải +làm gì", true), Form.of("+làm gì", true), Form.of("cái gì", true), Form.of("gì", true),
            Form.of("+khi nào", true), Form.of("+lúc nào", true), Form.of("tại sao", true), Form.of("vì sao", true),
            Form.of("có +phải", true), Form.of("có +được", true), Form.of("hay không", true), Form.of("+được không", true),
            Form.of("hay chưa", true), Form.of("xin hỏi", true), Form.of("cho tôi hỏi", true), Form.of("cho em hỏi", true),
            Form.of("cho hỏi", true), Form.of("muốn hỏi", true), Form.of("tôi", true), Form.of("thì", false));

    /** The openings of a question: "Muốn tách hộ thì phải làm gì?", "Tôi muốn hỏi …". */
    private static final List<Form> AT_START = List.of(
            Form.of("tôi muốn", true), Form.of("em muốn", true), Form.of("muốn", true), Form.of("cho em hỏi", true),
            Form.of("xin cho hỏi", true), Form.of("em", true));

    private static final List<Form> AT_END = List.of(
            Form.of("không", true), Form.of("chưa", true), Form.of("nhé", true), Form.of("ạ", false), Form.of("à", false),
            Form.of("nhỉ", false), Form.of("hả", false), Form.of("vậy", false), Form.of("thế", false));

    /**
     * Which positions of the query are question form; all false when every syllable is part of
     * one (a query of nothing but "là gì" is about those words).
     */
    static boolean[] positions(QueryTerms terms) {
        boolean[] inForm = new boolean[terms.size()];
        boolean[] form = mark(terms, inForm);
        for (boolean b : inForm) {
            if (!b) {
                return form;
            }
        }
        return new boolean[terms.size()];
    }

    /**
     * Which positions belong to a question form at all, the question's own words and the content
     * words that only tell the form apart ("là" of "là gì", "được" of "có được"): what is left is
     * what the query is about, with no verb of its frame.
     */
    static boolean[] parts(QueryTerms terms) {
        boolean[] inForm = new boolean[terms.size()];
        mark(terms, inForm);
        return inForm;
    }

    /** The question's own words; {@code inForm} receives every word of a form. */
    private static boolean[] mark(QueryTerms terms, boolean[] inForm) {
        List<String> words = terms.marked() ? terms.exact() : terms.folded();
        int n = words.size();
        boolean[] form = new boolean[n];
        int end = n;
        boolean more = true;
        while (more && end > 0) {
            more = false;
            for (Form f : AT_END) {
                if (matches(f, words, end - 1, terms.marked())) {
                    form[--end] = true;
                    inForm[end] = true;
                    more = true;
                    break;
                }
            }
        }
        for (Form f : AT_START) {
            if (matches(f, words, 0, terms.marked())) {
                for (int j = 0; j < f.syllables().size(); j++) {
                    form[j] |= f.own()[j];
                    inForm[j] = true;
                }
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            for (Form f : ANYWHERE) {
                if (matches(f, words, i, terms.marked())) {
                    for (int j = 0; j < f.syllables().size(); j++) {
                        form[i + j] |= f.own()[j];
                        inForm[i + j] = true;
                    }
                    break;
                }
            }
        }
        return form;
    }

    private static boolean matches(Form f, List<String> words, int at, boolean marked) {
        if (!marked && !f.foldable()) {
            return false;
        }
        List<String> s = marked ? f.syllables() : f.folded();
        if (at + s.size() > words.size()) {
            return false;
        }
        for (int j = 0; j < s.size(); j++) {
            if (!s.get(j).equals(words.get(at + j))) {
                return false;
            }
        }
        return true;
    }
}
