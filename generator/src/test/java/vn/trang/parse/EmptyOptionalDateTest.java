package vn.trang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/**
 * An optional date left empty is no date. The browser editor (Decap CMS) writes every optional
 * date field the editor did not fill as {@code ""} — Trang's configuration gives them that
 * default, since Decap would otherwise fill in the current time, a disaster for
 * {@code unpublish_at} — so every item saved from the editor has such keys.
 */
class EmptyOptionalDateTest {

    @TempDir
    Path tmp;

    /** The front matter Decap saved for a news item in Chromium, its optional dates untouched. */
    static final String AS_DECAP_SAVES = """
            ---
            title: Hội nghị tổng kết
            summary: Sở tổng kết năm.
            date: 2026-12-01 08:30
            updated: ""
            image_alt: ""
            draft: false
            sample: false
            publish_at: ""
            unpublish_at: ""
            ---
            Nội dung hội nghị.
            """;

    @Test
    void anItemSavedByTheEditorWithItsOptionalDatesEmptyBuildsClean() {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .write("content/so-a/tin-tuc/hoi-nghi.md", AS_DECAP_SAVES)
                .write("content/so-a/van-ban/15-2026-qd-ubnd.md", Fixture.md("""
                        number: 15/2026/QĐ-UBND
                        doc_type: Quyết định
                        issuer: Ủy ban nhân dân tỉnh Thử
                        issued: 2026-12-02
                        summary: Ban hành quy chế
                        expires: ""
                        gazette_date: ""
                        publish_at: ""
                        """, "Nội dung.\n"));
        BuildResult r = f.build(tmp.resolve("out"));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
        assertTrue(Files.isRegularFile(tmp.resolve("out/so-a/tin-tuc/hoi-nghi-tong-ket/index.html")), "published now");
    }

    @Test
    void anEmptyRequiredDateIsAnErrorSayingItIsEmpty() {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .write("content/so-a/tin-tuc/hoi-nghi.md", AS_DECAP_SAVES.replace("date: 2026-12-01 08:30", "date: \"\""));
        BuildResult r = f.build(tmp.resolve("out"));
        assertFalse(r.ok());
        String errors = Diags.dump(r.diagnostics());
        assertTrue(errors.contains("content/so-a/tin-tuc/hoi-nghi.md:4:7: lỗi: khóa bắt buộc 'date' để trống"), errors);
    }
}
