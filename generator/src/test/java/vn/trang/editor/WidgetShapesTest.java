package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.diag.Diagnostics;
import vn.trang.model.Section;
import vn.trang.yaml.YamlMap;

/**
 * Each short form the parser accepts and Decap cannot open, found against the generated fields
 * and rewritten to the long form; long forms left as they are.
 */
class WidgetShapesTest {

    static WidgetShapes.Result check(Section section, String yaml) {
        YamlMap m = YamlMap.parse(yaml, "t.md", 1, new Diagnostics()).orElseThrow();
        return WidgetShapes.check(CollectionFields.of(section, List.of()), m.node(), yaml);
    }

    /** The YAML text with the result's edits applied. */
    static String rewrite(Section section, String yaml) {
        WidgetShapes.Result r = check(section, yaml);
        StringBuilder sb = new StringBuilder(yaml);
        for (int i = r.edits().size() - 1; i >= 0; i--) {
            WidgetShapes.Edit e = r.edits().get(i);
            sb.replace(e.start(), e.end(), e.text());
        }
        return sb.toString();
    }

    private static void longForm(Section section, String shortForm, String longForm) {
        assertFalse(check(section, shortForm).editorReads(), shortForm);
        assertEquals(longForm, rewrite(section, shortForm));
        WidgetShapes.Result again = check(section, longForm);
        assertTrue(again.editorReads(), () -> longForm + "\n" + again);
    }

    @Test
    void aSingleValueForAListBecomesAListBelowItsKey() {
        longForm(Section.PROCEDURES, "title: T\nresult: Giấy phép xây dựng # kết quả\nlevel: mot-phan\n",
                "title: T\nresult:\n  - Giấy phép xây dựng # kết quả\nlevel: mot-phan\n");
        longForm(Section.PROCEDURES, "implementing_level: tinh\n", "implementing_level:\n  - tinh\n");
        longForm(Section.PROCEDURES, "agencies:\n    performing: Sở Tư pháp\n    competent: [UBND tỉnh]\n",
                "agencies:\n    performing:\n      - Sở Tư pháp\n    competent: [UBND tỉnh]\n");
        longForm(Section.DOCUMENTS, "fields: Công nghệ thông tin\n", "fields:\n  - Công nghệ thông tin\n");
    }

    @Test
    void insideBracesTheLongFormStaysInBraces() {
        longForm(Section.PROCEDURES, "agencies: {performing: Sở Tư pháp, coordinating: [Công an tỉnh]}\n",
                "agencies: {performing: [Sở Tư pháp], coordinating: [Công an tỉnh]}\n");
        longForm(Section.DOCUMENTS, "relations:\n  can_cu: [43/2011/NĐ-CP, {number: 02/CT-TTg, partial: true}]\n",
                "relations:\n  can_cu: [{number: 43/2011/NĐ-CP}, {number: 02/CT-TTg, partial: true}]\n");
    }

    @Test
    void aBareTextInAListOfGroupsBecomesTheGroupsFirstField() {
        longForm(Section.PROCEDURES, "legal_basis:\n  - 50/2014/QH13\n  - number: 15/2021/NĐ-CP\n    title: Nghị định\n",
                "legal_basis:\n  - number: 50/2014/QH13\n  - number: 15/2021/NĐ-CP\n    title: Nghị định\n");
        longForm(Section.PROCEDURES, "forms: mau-01.docx\n", "forms:\n  - file: mau-01.docx\n");
        longForm(Section.DOCUMENTS, "files: [\"a b.pdf\"]\n", "files: [{file: \"a b.pdf\"}]\n");
        longForm(Section.DOCUMENTS, "relations:\n  thay_the: 12/2019/QĐ-UBND\n",
                "relations:\n  thay_the:\n    - number: 12/2019/QĐ-UBND\n");
    }

    @Test
    void papersWithoutACaseBecomeOneCaseWithThosePapers() {
        longForm(Section.PROCEDURES, """
                dossier:
                  - name: Đơn đề nghị
                    originals: "1"
                    note: |
                      Bản chính

                      có chữ ký
                  # giấy tờ thứ hai
                  - name: Bản sao CCCD
                level: mot-phan
                """, """
                dossier:
                  - papers:
                      - name: Đơn đề nghị
                        originals: 1
                        note: |
                          Bản chính

                          có chữ ký
                      # giấy tờ thứ hai
                      - name: Bản sao CCCD
                level: mot-phan
                """);
        longForm(Section.PROCEDURES, "dossier: [{name: Đơn}]\n", "dossier: [{papers: [{name: Đơn}]}]\n");
    }

    @Test
    void valuesDecapsYamlReadsAsNumbersOrBooleansAreQuoted() {
        longForm(Section.PROCEDURES, "code: 1.000890\nfield: 2024\n", "code: \"1.000890\"\nfield: \"2024\"\n");
        longForm(Section.PROCEDURES, "keywords: [xây dựng, 2024, True]\n", "keywords: [xây dựng, \"2024\", \"True\"]\n");
    }

    @Test
    void switchesAndCountsLoseTheirQuotes() {
        longForm(Section.PAGES, "menu: \"false\"\nweight: ' 10'\n", "menu: false\nweight: 10\n");
    }

    @Test
    void aSelectsOtherSpellingBecomesItsOption() {
        longForm(Section.DOCUMENTS, "status: còn hiệu lực\n", "status: Còn hiệu lực\n");
    }

    @Test
    void aLegacyLevelKeepsWhatTheSourceDeclared() {
        // Rewriting it as its current level would drop the "theo nguồn: Mức độ 3" the page shows.
        longForm(Section.PROCEDURES, "level: 3\n", "level: muc-3\n");
        assertTrue(check(Section.PROCEDURES, "level: muc-3\n").editorReads(), "kept, not made mot-phan");
    }

    @Test
    void lineEndsOfTheFileAreKept() {
        longForm(Section.PROCEDURES, "title: T\r\nresult: A\r\nlevel: mot-phan\r\n",
                "title: T\r\nresult:\r\n  - A\r\nlevel: mot-phan\r\n");
    }

    @Test
    void lettersOutsideTheBasicPlaneDoNotShiftTheEdits() {
        longForm(Section.PROCEDURES, "title: \uD83C\uDFE0 Nhà ở 𝕏\nresult: A\nlevel: mot-phan\n",
                "title: \uD83C\uDFE0 Nhà ở 𝕏\nresult:\n  - A\nlevel: mot-phan\n");
    }

    @Test
    void aValueOnSeveralLinesMovesQuoted() {
        longForm(Section.PROCEDURES, "result: Giấy phép\n  xây dựng\nlevel: mot-phan\n",
                "result:\n  - \"Giấy phép xây dựng\"\nlevel: mot-phan\n");
        longForm(Section.PROCEDURES, "result: |\n  Giấy phép \"mới\"\nlevel: mot-phan\n",
                "result:\n  - \"Giấy phép \\\"mới\\\"\\n\"\nlevel: mot-phan\n");
    }

    @Test
    void theLongFormsAreReadAsTheyAre() {
        String yaml = """
                title: T
                code: "1.000890"
                implementing_level: [tinh, xa]
                result:
                  - Giấy phép
                agencies: {performing: [Sở Tư pháp]}
                legal_basis:
                  - number: 50/2014/QH13
                dossier:
                  - case: Trường hợp 1
                    papers: [{name: Đơn, originals: 1, copies: 0}]
                level: mot-phan
                date: 2026-03-14
                draft: true
                """;
        WidgetShapes.Result r = check(Section.PROCEDURES, yaml);
        assertTrue(r.editorReads(), r::toString);
        assertTrue(r.edits().isEmpty());
    }

    @Test
    void aValueBehindAnAliasIsLeftToTheEditor() {
        WidgetShapes.Result r = check(Section.PROCEDURES, "title: &t Giấy phép\nsummary: S\nresult: *t\n");
        assertTrue(r.edits().isEmpty(), r::toString);
        assertEquals(1, r.unfixable().size(), r::toString);
        assertEquals("result", r.unfixable().get(0).key());
    }

    @Test
    void eachFindingSaysWhereAndWhat() {
        WidgetShapes.Result r = check(Section.PROCEDURES, "title: T\nlegal_basis: [50/2014/QH13]\nresult: A\n");
        List<String> where = r.findings().stream().map(f -> f.line() + ":" + f.column() + " " + f.key()).toList();
        assertEquals(List.of("1:14 legal_basis", "2:8 result"), where);
        assertTrue(r.findings().get(1).problem().contains("một danh sách"), r::toString);
    }

    @Test
    void keysTheEditorDoesNotShowAreTheParsersConcern() {
        assertTrue(check(Section.NEWS, "title: T\nunknown: 1.5\n").editorReads());
        assertTrue(check(Section.NEWS, "title: T\nsummary:\n").editorReads(), "an empty value");
    }

}
