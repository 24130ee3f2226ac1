package vn.trang.model;

import java.time.LocalDate;

/**
 * An item of the other NĐ 42/2022 categories: leaders' schedule, draft documents open for
 * comment, questions and answers, law dissemination, plans, procurement, the public information
 * list. One record serves them all; the section says which, and only the fields that category
 * needs are accepted by its schema.
 *
 * @param opens      drafts: first day comments are taken, else null
 * @param closes     drafts: last day comments are taken, else null
 * @param asker      questions: who asked (may be withheld), else null
 * @param answered   questions: the day the answer was published, else null
 * @param answeredBy questions: the unit that answered, else null
 */
public record Post(ItemMeta meta, LocalDate opens, LocalDate closes, String asker, LocalDate answered,
                   String answeredBy) implements Item {

    public Post withMeta(ItemMeta m) {
        return new Post(m, opens, closes, asker, answered, answeredBy);
    }
}
