package vn.trang.link;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.trang.model.DocumentStatus;
import vn.trang.model.LegalDocument;
import vn.trang.model.RelationType;

/**
 * Derives a document's validity as of a date, from its own dates and from what documents in
 * force do to it (docs/DOMAIN.md#status). The rules, first match wins:
 * <ol>
 * <li>wholly replaced or repealed by a document already in effect → Hết hiệu lực toàn bộ;</li>
 * <li>past its expiry date → Hết hiệu lực toàn bộ;</li>
 * <li>wholly suspended by a document in effect → Ngưng hiệu lực;</li>
 * <li>effective date still ahead → Chưa có hiệu lực;</li>
 * <li>partly replaced or repealed → Hết hiệu lực một phần;</li>
 * <li>partly suspended → Ngưng hiệu lực một phần;</li>
 * <li>no effective date known → the declared status, else Chưa xác định;</li>
 * <li>otherwise → Còn hiệu lực.</li>
 * </ol>
 * "In effect" for the acting document means its effective date has come; its own status is not
 * consulted, so the rules never loop.
 */
final class StatusRules {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A relation pointing at the document being judged. */
    record Incoming(LegalDocument from, RelationType type, boolean partial) {
    }

    record Verdict(DocumentStatus status, String reason) {
    }

    private StatusRules() {
    }

    static Verdict derive(LegalDocument doc, List<Incoming> incoming, LocalDate asOf) {
        Incoming endsWhole = first(incoming, RelationType.Effect.ENDS, false, asOf);
        if (endsWhole != null) {
            return new Verdict(DocumentStatus.ENDED, verb(endsWhole.type()) + " bởi " + endsWhole.from().number()
                    + " từ " + effectiveOf(endsWhole.from()).format(DMY));
        }
        if (doc.expires() != null && !asOf.isBefore(doc.expires())) {
            return new Verdict(DocumentStatus.ENDED, "hết hiệu lực từ " + doc.expires().format(DMY));
        }
        Incoming suspends = first(incoming, RelationType.Effect.SUSPENDS, false, asOf);
        if (suspends != null) {
            return new Verdict(DocumentStatus.SUSPENDED, "bị đình chỉ bởi " + suspends.from().number());
        }
        if (doc.effective() != null && asOf.isBefore(doc.effective())) {
            return new Verdict(DocumentStatus.NOT_YET, "có hiệu lực từ " + doc.effective().format(DMY));
        }
        Incoming endsPart = first(incoming, RelationType.Effect.ENDS, true, asOf);
        if (endsPart != null) {
            return new Verdict(DocumentStatus.PARTLY_ENDED, "một phần " + verb(endsPart.type()) + " bởi "
                    + endsPart.from().number());
        }
        Incoming suspendsPart = first(incoming, RelationType.Effect.SUSPENDS, true, asOf);
        if (suspendsPart != null) {
            return new Verdict(DocumentStatus.PARTLY_SUSPENDED, "một phần bị đình chỉ bởi " + suspendsPart.from().number());
        }
        if (doc.effective() == null) {
            DocumentStatus declared = doc.declaredStatus() == null ? DocumentStatus.UNKNOWN
                    : DocumentStatus.byLabel(doc.declaredStatus()).orElse(DocumentStatus.UNKNOWN);
            return new Verdict(declared, declared == DocumentStatus.UNKNOWN ? "chưa có ngày hiệu lực" : null);
        }
        return new Verdict(DocumentStatus.IN_FORCE, null);
    }

    private static Incoming first(List<Incoming> incoming, RelationType.Effect effect, boolean partial, LocalDate asOf) {
        for (Incoming in : incoming) {
            LocalDate from = effectiveOf(in.from());
            if (in.type().effect() == effect && in.partial() == partial && from != null && !asOf.isBefore(from)) {
                return in;
            }
        }
        return null;
    }

    /** When an acting document takes effect: its effective date, else its issue date. */
    static LocalDate effectiveOf(LegalDocument doc) {
        return doc.effective() != null ? doc.effective() : doc.issued();
    }

    private static String verb(RelationType type) {
        return type == RelationType.REPEALS ? "bị bãi bỏ" : "bị thay thế";
    }
}
