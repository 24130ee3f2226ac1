package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/** The plain-text shortcut of {@link MarkdownRenderer} gives what the whole pipeline gives. */
class PlainMarkdownTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();

    private static void same(String text) {
        Diagnostics d = new Diagnostics();
        String full = MD.renderFull(text, "/so-a/thu-tuc/", SourcePos.of("a.md"), 3, d);
        String fast = MD.render(text, "/so-a/thu-tuc/", SourcePos.of("a.md"), 3, new Diagnostics());
        assertEquals(full, fast, text);
    }

    @Test
    void plainStepsAreTakenTheShortWayWithTheSameResult() {
        for (String s : List.of("Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định",
                "Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả hoặc qua Cổng dịch vụ công",
                "Trả kết quả (bản chính) cho 100% hồ sơ; lệ phí 50.000 đồng/hồ sơ.", "Xyz", "a")) {
            assertTrue(MarkdownRenderer.plain(s), s);
            same(s);
        }
    }

    @Test
    void anythingMarkdownOrHtmlMightChangeGoesTheWholeWay() {
        for (String s : List.of("1. Nộp hồ sơ", "- Nộp", "# Tiêu đề", "> trích", "Nộp *hồ sơ*", "Nộp _hồ_ sơ",
                "Xem www.example.vn", "Xem https://example.vn", "a@b.vn", "A & B", "a <b>", "a  b", " a", "a ",
                "a\nb", "a\\b", "[a](b)", "a `b`", "a | b", "a ~~b~~", "Điều 1: nộp", "\"a\"", "a\u00a0b", "a\tb",
                "Wifi miễn phí", "😀 a", "a 😀", "")) {
            assertFalse(MarkdownRenderer.plain(s), s);
            same(s);
        }
    }

    @Test
    void randomTextAgrees() {
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ0123456789"
                + "  ,.;()%/-*_#>!<&\"':wW\u0301\u0323\u00a0";
        Random r = new Random(7);
        int plain = 0;
        for (int i = 0; i < 4_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = java.text.Normalizer.normalize(sb.toString(), java.text.Normalizer.Form.NFC);
            if (MarkdownRenderer.plain(s)) {
                plain++;
            }
            same(s);
        }
        assertTrue(plain > 200, "plain: " + plain);
    }
}
