package vn.trang.model;

import java.util.List;

/**
 * The agencies of a procedure, as the national portal names them.
 *
 * @param performing   cơ quan thực hiện
 * @param competent    cơ quan có thẩm quyền
 * @param authorised   cơ quan được ủy quyền
 * @param coordinating cơ quan phối hợp
 */
public record ProcedureAgencies(List<String> performing, List<String> competent, List<String> authorised,
                                List<String> coordinating) {

    public static final ProcedureAgencies NONE = new ProcedureAgencies(List.of(), List.of(), List.of(), List.of());

    public ProcedureAgencies {
        performing = List.copyOf(performing);
        competent = List.copyOf(competent);
        authorised = List.copyOf(authorised);
        coordinating = List.copyOf(coordinating);
    }

    public boolean isEmpty() {
        return performing.isEmpty() && competent.isEmpty() && authorised.isEmpty() && coordinating.isEmpty();
    }
}
