package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankingMinimumMatchTest {

    private final Ranking ranking = Ranking.DEFAULT.with("matchRatio=0.6,questionMatch=0.4");

    @Test
    void keywordQueriesNeedEveryWordUpToFourThenAShareCappedAtFive() {
        assertEquals(3, ranking.minimumMatch(3));
        assertEquals(4, ranking.minimumMatch(4));
        assertEquals(4, ranking.minimumMatch(5));
        assertEquals(5, ranking.minimumMatch(9));
        assertEquals(5, ranking.minimumMatch(40));
    }

    @Test
    void questionsNeedOnlyTheirShareHoweverShort() {
        // "Muốn tách hộ khẩu thì phải làm gì?": four words of its own, one of them not the law's.
        assertEquals(2, ranking.minimumMatch(4, true));
        assertEquals(1, ranking.minimumMatch(1, true));
        assertEquals(4, ranking.minimumMatch(10, true));
        assertEquals(5, ranking.minimumMatch(30, true));
        assertEquals(0, ranking.minimumMatch(0, true));
    }
}
