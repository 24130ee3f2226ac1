package vn.trang.legal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The document types and their abbreviations (NĐ 30/2020 Phụ lục III, plus the legal-document
 * types of the Law on legal documents), looked up both ways, and the check that a declared type
 * agrees with a number.
 */
public final class DocumentTypes {

    /** Laws carry no type in the symbol: 104/2016/QH13 is the 104th act of the 13th Quốc hội. */
    public static final DocumentType LAW = new DocumentType(null, "Luật");
    /** Công văn carry no type either: 7740/UBND-VX is agency UBND, drafting unit VX. */
    public static final DocumentType OFFICIAL_LETTER = new DocumentType(null, "Công văn");

    /** Phụ lục III (administrative documents) then the legal-document (QPPL) types. */
    private static final List<DocumentType> STATE = List.of(
            t("NQ", "Nghị quyết"), t("QĐ", "Quyết định"), t("CT", "Chỉ thị"), t("QC", "Quy chế"),
            t("QyĐ", "Quy định"), t("TC", "Thông cáo"), t("TB", "Thông báo"), t("HD", "Hướng dẫn"),
            t("CTr", "Chương trình"), t("KH", "Kế hoạch"), t("PA", "Phương án"), t("ĐA", "Đề án"),
            t("DA", "Dự án"), t("BC", "Báo cáo"), t("BB", "Biên bản"), t("TTr", "Tờ trình"),
            t("HĐ", "Hợp đồng"), t("CĐ", "Công điện"), t("BGN", "Bản ghi nhớ"), t("BTT", "Bản thỏa thuận"),
            t("GUQ", "Giấy ủy quyền"), t("GM", "Giấy mời"), t("GGT", "Giấy giới thiệu"),
            t("GNP", "Giấy nghỉ phép"), t("PG", "Phiếu gửi"), t("PC", "Phiếu chuyển"), t("PB", "Phiếu báo"),
            t("NĐ", "Nghị định"), t("TT", "Thông tư"), t("TTLT", "Thông tư liên tịch"),
            t("VBHN", "Văn bản hợp nhất"),
            // Not in Phụ lục III but in the Law on legal documents: 05/2016/L-CTN, NQLT of
            // several bodies. Listed so such numbers get a type rather than pass as công văn.
            t("NQLT", "Nghị quyết liên tịch"), t("L", "Lệnh"));

    /**
     * Party documents (numbered by the Party's own style rules) share most abbreviations with the state, except
     * these: there TT is Thông tri, not Thông tư, and công văn do carry CV (15-CV/TU).
     */
    private static final List<DocumentType> PARTY_ONLY = List.of(
            t("KL", "Kết luận"), t("QĐi", "Quy định"), t("TT", "Thông tri"), t("CV", "Công văn"));

    private static final Map<String, DocumentType> STATE_BY_UPPER = byUpper(STATE.stream());
    private static final Map<String, DocumentType> PARTY_BY_UPPER =
            byUpper(Stream.concat(PARTY_ONLY.stream(),
                    STATE.stream().filter(s -> PARTY_ONLY.stream().noneMatch(p -> p.abbreviation().equals(s.abbreviation())))));
    private static final Map<String, List<DocumentType>> STATE_BY_FOLDED =
            STATE.stream().collect(Collectors.groupingBy(d -> Symbols.fold(d.abbreviation())));

    private DocumentTypes() {
    }

    private static DocumentType t(String abbreviation, String name) {
        return new DocumentType(abbreviation, name);
    }

    private static Map<String, DocumentType> byUpper(Stream<DocumentType> types) {
        return types.collect(Collectors.toUnmodifiableMap(d -> Symbols.upper(d.abbreviation()), d -> d));
    }

    /** Every state type with an abbreviation, in Phụ lục III order, then the QPPL ones. */
    public static List<DocumentType> all() {
        return STATE;
    }

    /**
     * Every type name a document may declare (state, laws, công văn, then the Party's own), each
     * once: the choices the editor offers for doc_type.
     */
    public static List<String> names() {
        return Stream.of(STATE.stream(), Stream.of(LAW, OFFICIAL_LETTER), PARTY_ONLY.stream())
                .flatMap(s -> s).map(DocumentType::name).distinct().toList();
    }

    /**
     * The state type an abbreviation stands for, ignoring case ("qđ", "Ttr"). Typed without
     * diacritics it is still found when that is unambiguous ("QD" → QĐ, "ND" → NĐ), but "HD" stays
     * Hướng dẫn and "DA" Dự án, because HĐ and ĐA are other types.
     */
    public static Optional<DocumentType> byAbbreviation(String abbreviation) {
        if (abbreviation == null || abbreviation.isBlank()) {
            return Optional.empty();
        }
        DocumentType exact = STATE_BY_UPPER.get(Symbols.upper(abbreviation.strip()));
        if (exact != null) {
            return Optional.of(exact);
        }
        List<DocumentType> folded = STATE_BY_FOLDED.getOrDefault(Symbols.fold(abbreviation.strip()), List.of());
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    /** The type a Party symbol's type part stands for ("TT" is Thông tri there), ignoring case. */
    public static Optional<DocumentType> byPartyAbbreviation(String abbreviation) {
        if (abbreviation == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(PARTY_BY_UPPER.get(Symbols.upper(abbreviation.strip())));
    }

    /**
     * The state type with this name, ignoring case, tone marks and spacing ("quyet dinh", "Bản
     * thoả thuận"). Luật and Công văn are found too, with a null abbreviation.
     */
    public static Optional<DocumentType> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = nameKey(name);
        return Stream.concat(STATE.stream(), Stream.of(LAW, OFFICIAL_LETTER))
                .filter(d -> nameKey(d.name()).equals(key))
                .findFirst();
    }

    /**
     * The type names a number allows, preferred first; empty when the number does not tell.
     * A QH number is a law but the Quốc hội numbers its resolutions the same way; UBTVQH numbers
     * are ordinances or resolutions; a bare "123/UBND" may be a công văn or an old-style number.
     */
    public static List<String> expectedNames(DocumentNumber n) {
        if (n.isLaw()) {
            return List.of(LAW.name(), "Bộ luật", "Nghị quyết");
        }
        if (n.typeAbbreviation() != null) {
            Optional<DocumentType> t = n.kind() == DocumentNumber.Kind.PARTY
                    ? byPartyAbbreviation(n.typeAbbreviation()) : byAbbreviation(n.typeAbbreviation());
            return t.map(d -> List.of(d.name())).orElse(List.of());
        }
        if (n.year() != null && !n.issuers().isEmpty() && Symbols.upper(n.issuers().get(0)).startsWith("UBTVQH")) {
            return List.of("Pháp lệnh", "Nghị quyết");
        }
        if (n.kind() == DocumentNumber.Kind.OFFICIAL_LETTER && n.issuers().size() >= 2) {
            return List.of(OFFICIAL_LETTER.name());
        }
        return List.of();
    }

    /** Whether {@code declaredType} is a type the number allows: 06/CT-UBND is not a Quyết định. */
    public static TypeCheck checkTypeConsistency(DocumentNumber number, String declaredType) {
        List<String> expected = expectedNames(number);
        if (expected.isEmpty() || declaredType == null || declaredType.isBlank()) {
            return new TypeCheck(TypeCheck.Verdict.UNKNOWN, number, declaredType, expected);
        }
        String declared = nameKey(declaredType);
        boolean ok = expected.stream().anyMatch(e -> nameKey(e).equals(declared));
        return new TypeCheck(ok ? TypeCheck.Verdict.MATCH : TypeCheck.Verdict.MISMATCH, number, declaredType, expected);
    }

    /** Names compare folded: editors write "Thông tư liên tịch", "thong tu lien tich", "Bản thoả thuận". */
    private static String nameKey(String name) {
        return Symbols.fold(name.strip()).replaceAll("\\s+", " ");
    }
}
