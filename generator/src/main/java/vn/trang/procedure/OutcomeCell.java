package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Kết quả thực hiện": the results a procedure gives (separated on the portal by their result
 * codes, "Mã: KQ.…"), and the keywords that follow them in the same cell.
 */
final class OutcomeCell {

    private static final Pattern RESULT_CODE = Pattern.compile("Mã:\\s*KQ\\.[A-Z]\\d+\\.\\d+");

    record Outcome(List<String> results, List<String> keywords) {
    }

    private OutcomeCell() {
    }

    static Outcome parse(String cell) {
        String s = PortalText.oneLine(cell);
        int junk = s.indexOf("Chọn cơ quan thực hiện");
        if (junk >= 0) {
            s = s.substring(0, junk);
        }
        String keywords = null;
        int kw = s.indexOf("Từ khóa");
        if (kw >= 0) {
            String after = s.substring(kw + "Từ khóa".length());
            s = s.substring(0, kw);
            int desc = after.indexOf("Mô tả");
            keywords = desc >= 0 ? after.substring(0, desc) : after;
        }
        List<String> results = new ArrayList<>();
        for (String piece : RESULT_CODE.split(s)) {
            String r = PortalText.orNull(piece);
            if (r != null) {
                results.add(r.replaceAll("[;,]+$", "").strip());
            }
        }
        List<String> kws = new ArrayList<>();
        String k = PortalText.orNull(keywords);
        if (k != null) {
            for (String w : k.split("[,;]")) {
                if (!w.isBlank()) {
                    kws.add(w.strip());
                }
            }
        }
        return new Outcome(results, kws);
    }
}
