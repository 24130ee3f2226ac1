package vn.trang.legal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Where an issuing body (cơ quan ban hành) stands in the issuing hierarchy, read from its name as
 * documents print it. Declared highest first: the National Assembly over its Standing Committee
 * and the President, over the Government and the Prime Minister, over ministries and other
 * central bodies, over every local body. Locally a People's Council (HĐND) stands over its
 * People's Committee (UBND, and its chairman), which stands over its own agencies (Sở, Văn
 * phòng, Phòng…). The name says nothing of which province or commune a local body belongs to:
 * the site registry says that (vn.trang.link.IssuingPower).
 */
public enum IssuerRank {
    NATIONAL_ASSEMBLY,
    /** Ủy ban Thường vụ Quốc hội, Chủ tịch nước. */
    STANDING_COMMITTEE,
    /** Chính phủ, Thủ tướng Chính phủ. */
    GOVERNMENT,
    /** Bộ, cơ quan ngang bộ, the supreme court and procuracy, Kiểm toán nhà nước. */
    CENTRAL_AGENCY,
    /** Hội đồng nhân dân (and its standing body) of a province, district or commune. */
    PEOPLES_COUNCIL,
    /** Ủy ban nhân dân, or its chairman, of a province, district or commune. */
    PEOPLES_COMMITTEE,
    /** Anything else: a Sở, a Văn phòng, a Phòng, a name Trang does not recognise. */
    AGENCY;

    private static final List<String> STANDING = List.of("ủy ban thường vụ quốc hội", "chủ tịch nước");
    private static final List<String> GOVERNMENT_NAMES = List.of("chính phủ", "thủ tướng");
    private static final List<String> CENTRAL = List.of("bộ ", "ngân hàng nhà nước",
            "thanh tra chính phủ", "văn phòng chính phủ", "văn phòng quốc hội", "ủy ban dân tộc",
            "tòa án nhân dân tối cao", "hội đồng thẩm phán", "viện kiểm sát nhân dân tối cao", "kiểm toán nhà nước");
    /** Local bodies whose names begin like a ministry's. */
    private static final List<String> LOCAL_BO = List.of("bộ chỉ huy", "bộ đội");
    private static final List<String> COUNCIL = List.of("hội đồng nhân dân", "thường trực hội đồng nhân dân");
    private static final List<String> COMMITTEE = List.of("ủy ban nhân dân", "chủ tịch ủy ban nhân dân");

    /** Central bodies can act on every local body's documents; local ones never on theirs. */
    public boolean central() {
        return ordinal() <= CENTRAL_AGENCY.ordinal();
    }

    /** The local government itself (HĐND, UBND), as opposed to one of its agencies. */
    public boolean localGovernment() {
        return this == PEOPLES_COUNCIL || this == PEOPLES_COMMITTEE;
    }

    /** Strictly above {@code other} in the hierarchy. */
    public boolean above(IssuerRank other) {
        return ordinal() < other.ordinal();
    }

    /** The rank of an issuer's name; {@link #AGENCY} for null or an unknown name. */
    public static IssuerRank of(String issuer) {
        if (issuer == null) {
            return AGENCY;
        }
        String s = normalise(issuer);
        if (startsWithAny(s, STANDING)) {
            return STANDING_COMMITTEE;
        }
        if (s.startsWith("quốc hội")) {
            return NATIONAL_ASSEMBLY;
        }
        if (startsWithAny(s, GOVERNMENT_NAMES)) {
            return GOVERNMENT;
        }
        if (startsWithAny(s, CENTRAL) && !startsWithAny(s, LOCAL_BO)) {
            return CENTRAL_AGENCY;
        }
        if (startsWithAny(s, COUNCIL)) {
            return PEOPLES_COUNCIL;
        }
        if (startsWithAny(s, COMMITTEE)) {
            return PEOPLES_COMMITTEE;
        }
        return AGENCY;
    }

    /**
     * NFC, lower case, single spaces, the old tone placement of "uỷ", "toà" moved to where the
     * rest of the names have it, and the abbreviations UBND, HĐND written out.
     */
    static String normalise(String issuer) {
        String s = Normalizer.normalize(issuer, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ").replace("uỷ", "ủy").replace("toà", "tòa");
        if (s.startsWith("ubnd")) {
            s = "ủy ban nhân dân" + s.substring(4);
        } else if (s.startsWith("chủ tịch ubnd")) {
            s = "chủ tịch ủy ban nhân dân" + s.substring("chủ tịch ubnd".length());
        } else if (s.startsWith("hđnd")) {
            s = "hội đồng nhân dân" + s.substring(4);
        } else if (s.startsWith("thường trực hđnd")) {
            s = "thường trực hội đồng nhân dân" + s.substring("thường trực hđnd".length());
        }
        return s;
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
