package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Looking the synonym table up in a query's syllables. */
class SynonymsTest {

    static final Synonyms TABLE = Synonyms.parse(List.of(
            "# a comment",
            "UBND | ủy ban nhân dân",
            "HĐND | hội đồng nhân dân",
            "HD | hướng dẫn",
            "HĐ | hợp đồng",
            "CCCD | căn cước công dân",
            "sổ đỏ => giấy chứng nhận quyền sử dụng đất",
            "sổ đỏ chính chủ => giấy chứng nhận quyền sử dụng đất đứng tên",
            "tiền phạt => phạt tiền",
            "trộm => trộm cắp tài sản",
            "heo => lợn",
            "sơ đồ => bản vẽ",
            "tiền ăn => chi phí ăn uống",
            "~ tiền án"));

    /** Each run found: its words in the query and the first alternative, folded. */
    static List<String> found(String query) {
        QueryTerms t = QueryTerms.of(query);
        return TABLE.find(t).stream().map(f -> String.join(" ", t.folded().subList(f.start(), f.end())) + " -> "
                + String.join(" ", f.alternatives().get(0).folded())).toList();
    }

    @Test
    void theLongestExpressionWins() {
        assertEquals(List.of("so do chinh chu -> giay chung nhan quyen su dung dat dung ten"),
                found("bán sổ đỏ chính chủ"));
        assertEquals(List.of("so do -> giay chung nhan quyen su dung dat"), found("bán sổ đỏ chính"));
    }

    @Test
    void marksAreComparedWhenTheQueryHasThem() {
        assertEquals(List.of("so do -> giay chung nhan quyen su dung dat"), found("làm lại sổ đỏ"));
        // "sơ đồ" folds as "sổ đỏ" does: with marks each is itself.
        assertEquals(List.of("so do -> ban ve"), found("vẽ sơ đồ"));
        assertEquals(List.of(), found("số đo vòng eo"));
        assertEquals(List.of(), found("tiền phát sinh"));
    }

    @Test
    void withoutMarksOnlyUnambiguousFoldingsMatch() {
        assertEquals(List.of("tien phat -> phat tien"), found("tien phat bao nhieu"));
        // "tiền án" is not in this table as an expression, but it folds like "tiền ăn".
        assertEquals(List.of(), found("tien an"));
        assertEquals(List.of("tien an -> chi phi an uong"), found("tiền ăn"));
        // "so do" is both "sổ đỏ" and "sơ đồ": without marks it says neither.
        assertEquals(List.of(), found("lam lai so do"));
        // One syllable folded says too little ("trom" might be anything); one written without
        // marks is matched as it stands.
        assertEquals(List.of(), found("bi trom xe"));
        assertEquals(List.of("trom -> trom cap tai san"), found("bị trộm xe"));
        assertEquals(List.of("heo -> lon"), found("nuoi heo"));
    }

    @Test
    void abbreviationsAreWholeTokensInAnyCase() {
        assertEquals(List.of("cccd -> can cuoc cong dan"), found("cấp lại CCCD"));
        assertEquals(List.of("cccd -> can cuoc cong dan"), found("cap lai cccd"));
        assertEquals(List.of("ubnd -> uy ban nhan dan"), found("quyết định của Ubnd tỉnh"));
        assertEquals(List.of("uy ban nhan dan -> ubnd"), found("ủy ban nhân dân xã"));
        assertEquals(List.of("uy ban nhan dan -> ubnd"), found("uỷ ban nhân dân xã"));
        // Compared folded even beside marks: "HDND" is HĐND.
        assertEquals(List.of("hdnd -> hoi dong nhan dan"), found("nghị quyết của HDND tỉnh"));
        // Never inside another token.
        assertEquals(List.of(), found("CCCDX UBNDs hđndx cccd2"));
        // HD and HĐ fold alike: each is compared with its marks.
        assertEquals(List.of("hd -> hop dong"), found("mẫu HĐ lao động"));
        assertEquals(List.of("hd -> huong dan"), found("mau HD"));
    }

    @Test
    void malformedOrSelfMappingLinesAreRefusedWithTheirLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synonyms.parse(List.of("a b | c d", "sổ đỏ => sổ đỏ")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse(List.of("ủy ban | uỷ ban")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse(List.of("a => b => c")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse(List.of("a | ")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse(List.of("lẻ loi")));
        // Matched folded, an abbreviation with a marked vowel would be a common syllable.
        assertThrows(IllegalArgumentException.class, () -> Synonyms.parse(List.of("TƯ | trung ương")));
    }

    @Test
    void theShippedTableParsesAndMapsNothingToItself() throws IOException {
        Synonyms table = Synonyms.standard();
        assertTrue(table.groups() >= 100 && table.groups() <= 250, "groups: " + table.groups());
        String text;
        try (InputStream in = Synonyms.class.getResourceAsStream("synonyms.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // No group names an expression twice, and no source appears on two lines.
        Set<List<String>> sources = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("~")) {
                continue;
            }
            String[] sides = line.split("=>");
            Set<List<String>> group = new HashSet<>();
            for (String side : sides) {
                for (String e : side.split("\\|")) {
                    assertTrue(group.add(QueryTerms.of(e).folded()), "twice in: " + line);
                }
            }
            for (String e : sides[0].split("\\|")) {
                assertTrue(sources.add(QueryTerms.of(e).exact()), "source on two lines: " + e);
            }
        }
        // Folded, these are everyday words too (sơ đồ, đi tu, tiền ăn, giặt đồ, bao tử).
        for (String q : List.of("so do to chuc", "di tu", "tien an trua", "giat do", "bao tu")) {
            assertEquals(List.of(), table.find(QueryTerms.of(q)), q);
        }
        assertEquals(1, table.find(QueryTerms.of("tiền án")).size());
        for (String q : List.of("CCCD", "sổ đỏ", "lấy chồng", "UBND tỉnh", "bằng lái xe")) {
            QueryTerms t = QueryTerms.of(q);
            assertTrue(!table.find(t).isEmpty(), q);
            for (Synonyms.Found f : table.find(t)) {
                for (Synonyms.Expression a : f.alternatives()) {
                    assertTrue(!a.folded().equals(t.folded().subList(f.start(), f.end())), q);
                }
            }
        }
    }
}
