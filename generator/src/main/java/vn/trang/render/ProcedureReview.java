package vn.trang.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import vn.trang.diag.Diagnostics;
import vn.trang.link.Catalog;
import vn.trang.model.CitedDocument;
import vn.trang.model.DocumentStatus;
import vn.trang.model.Procedure;

/**
 * "Thủ tục cần rà soát": procedures whose legal basis is no longer in force per the document
 * index, that have not been updated for a configurable number of days, or that are offered
 * online without a submission address. Each finding is also a build warning.
 */
public final class ProcedureReview {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A procedure and why it needs review. */
    public record Finding(Procedure procedure, List<String> reasons) {
    }

    private ProcedureReview() {
    }

    public static List<Finding> findings(Catalog catalog, List<Procedure> procedures, LocalDate asOf, int staleDays) {
        List<Finding> out = new ArrayList<>();
        for (Procedure p : procedures) {
            List<String> reasons = new ArrayList<>();
            for (CitedDocument b : catalog.basis(p)) {
                DocumentStatus s = b.status() == null ? null : DocumentStatus.byLabel(b.status()).orElse(null);
                if (s != null && !s.inForce() && s != DocumentStatus.NOT_YET && s != DocumentStatus.UNKNOWN) {
                    reasons.add("căn cứ pháp lý " + b.number() + " " + s.label().toLowerCase());
                } else if (s == DocumentStatus.PARTLY_ENDED || s == DocumentStatus.PARTLY_SUSPENDED) {
                    reasons.add("căn cứ pháp lý " + b.number() + " " + s.label().toLowerCase() + ", cần kiểm tra");
                }
            }
            LocalDate updated = p.lastModified();
            if (updated == null) {
                reasons.add("chưa có ngày cập nhật");
            } else if (updated.plusDays(staleDays).isBefore(asOf)) {
                reasons.add("chưa cập nhật từ " + updated.format(DMY) + " (quá " + staleDays + " ngày)");
            }
            if (p.fullyOnline() && p.onlineUrl() == null) {
                reasons.add("dịch vụ công trực tuyến toàn trình nhưng thiếu địa chỉ nộp hồ sơ trực tuyến");
            }
            if (!reasons.isEmpty()) {
                out.add(new Finding(p, reasons));
            }
        }
        return out;
    }

    /** One warning per finding, at the procedure's file. */
    public static void warn(List<Finding> findings, Diagnostics d) {
        for (Finding f : findings) {
            Procedure p = f.procedure();
            d.warning(p.meta().positions().file(), "thủ tục " + p.code() + " cần rà soát: " + String.join("; ", f.reasons()),
                    "căn cứ pháp lý còn hiệu lực, nội dung được cập nhật định kỳ",
                    "rà soát thủ tục, sửa căn cứ pháp lý rồi ghi updated: <ngày rà soát>");
        }
    }
}
