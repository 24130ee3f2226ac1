package vn.trang.model;

import java.util.List;

/**
 * A group of papers of "Thành phần hồ sơ". The national portal groups papers by case
 * ("Trường hợp …"); most procedures have a single, unnamed case.
 *
 * @param name the case ("Trường hợp ủy quyền"), or null for the single unnamed case
 */
public record DossierCase(String name, List<DossierPaper> papers) {

    public DossierCase {
        papers = List.copyOf(papers);
    }
}
