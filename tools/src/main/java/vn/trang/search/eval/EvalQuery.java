package vn.trang.search.eval;

import java.util.List;

/** A test question and the corpus ids that answer it. */
public record EvalQuery(String id, String text, List<String> relevant) {

    public EvalQuery {
        relevant = List.copyOf(relevant);
    }

    public EvalQuery withText(String t) {
        return new EvalQuery(id, t, relevant);
    }
}
