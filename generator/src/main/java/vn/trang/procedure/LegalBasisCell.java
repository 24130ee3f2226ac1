package vn.trang.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.legal.DocumentNumber;

/**
 * "Căn cứ pháp lý": the portal's table of legal documents, each title run into its code
 * ("Luật Xây dựng50/2014/QH13"), read back into rows of number and title. Where the numbers are
 * found in the run-together text is {@link RunTogetherNumbers}' job; what cannot be split is kept
 * as written, with a warning.
 */
final class LegalBasisCell {

    static final String HEADER = "Tên văn bản pháp lýMã văn bản";

    record Basis(String number, String title) {
    }

    private LegalBasisCell() {
    }

    /**
     * "Căn cứ pháp lý" read back: its rows, and what could be read only loosely.
     *
     * @param unsplit  text kept as written because its numbers could not be told from its titles
     * @param warnings one line for each loosely read part, saying what was kept
     */
    record Result(List<Basis> rows, List<String> unsplit, List<String> warnings) {
    }

    /**
     * The table's rows: a title run into its code ("Luật Xây dựng50/2014/QH13"). Text that does
     * not end in a code of its own ("Quyết định 24/2024/QĐ-UBND Sơn La… giá trị24/2024") is read
     * loosely: the document numbers it contains are kept, the rest as text, with a warning.
     */
    static Result parse(String cell) {
        String s = PortalText.oneLine(cell);
        if (s.isEmpty() || s.equals(PortalText.NO_INFO)) {
            return new Result(List.of(), List.of(), List.of());
        }
        Map<String, Basis> out = new LinkedHashMap<>();
        List<String> unsplit = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!s.startsWith(HEADER)) {
            loose(s, "căn cứ pháp lý không có bảng quen thuộc", out, unsplit, warnings);
            return new Result(new ArrayList<>(out.values()), unsplit, warnings);
        }
        String body = s.substring(HEADER.length());
        int rowStart = 0;
        int from = 0;
        while (true) {
            RunTogetherNumbers.Found n;
            boolean endsRow;
            try {
                n = RunTogetherNumbers.next(body, from);
                if (n == null) {
                    break;
                }
                endsRow = n.end() == body.length() || Character.isLetter(body.charAt(n.end()));
                if (!endsRow && Character.isDigit(body.charAt(n.end()))) {
                    // Two numbers glued: "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP" is a title and its
                    // code; "…NĐ-CP14/2025/TT-BNNMT…" ends a row whose code is followed by a title
                    // that starts with a number.
                    RunTogetherNumbers.Found next = RunTogetherNumbers.next(body, n.end());
                    boolean same = next != null && next.start() == n.end() && sameNumber(n.text(), next.text());
                    endsRow = next != null && next.start() == n.end() && !same;
                }
            } catch (Unconvertible e) {
                break; // the rest, from this row on, is read loosely
            }
            if (!endsRow) {
                from = n.end();
                continue;
            }
            String title = body.substring(rowStart, n.start()).strip().replaceAll("[;,:.\\s]+$", "").strip();
            if (!title.matches("(Nghị định|Thông tư|Quyết định|Luật|Nghị quyết|Pháp lệnh)( số)?")) {
                // "…thực vậtNghị định số" + "33/2026/NĐ-CP": the code cell began with its type.
                title = title.replaceFirst("(?<=[\\p{L}.,;)])(Nghị định|Thông tư|Quyết định|Luật|Nghị quyết|Pháp lệnh)?\\s?số$", "")
                        .strip();
            }
            if (title.equalsIgnoreCase("NĐ") || title.isEmpty()) {
                title = null;
            }
            String number = DocumentNumber.parse(n.text()).map(DocumentNumber::normalized).orElse(n.text());
            out.putIfAbsent(key(number), new Basis(number, title));
            rowStart = n.end();
            from = n.end();
        }
        String tail = body.substring(rowStart).strip();
        if (!tail.isEmpty()) {
            loose(tail, "căn cứ pháp lý có dòng không tách được tên và số hiệu", out, unsplit, warnings);
        }
        return new Result(new ArrayList<>(out.values()), unsplit, warnings);
    }

    /** A code glued or spaced at the end of a row: "…giá trị24/2024", "…hàng không31/2025/TT_BCA". */
    private static final Pattern TRAILING_CODE = Pattern.compile("(\\d{1,6})/((?:19|20)\\d{2})?\\S*$");

    /**
     * Reads text that is not a clean row: each document number in it (CitationExtractor, as in
     * any page's text) becomes a row. When it holds exactly one new number, the text is that
     * row's title (less a trailing copy of the number's code cell); otherwise the text is kept
     * as written, for the body.
     */
    private static void loose(String text, String why, Map<String, Basis> out, List<String> unsplit,
                              List<String> warnings) {
        List<Citation> cited = CitationExtractor.extract(text);
        List<String> added = new ArrayList<>();
        for (Citation c : cited) {
            String number = c.normalized();
            if (out.putIfAbsent(key(number), new Basis(number, null)) == null) {
                added.add(number);
            }
        }
        String quoted = "\"" + PortalText.abbreviate(text) + "\"";
        if (added.size() == 1) {
            String number = added.get(0);
            out.put(key(number), new Basis(number, withoutTrailingCode(text, cited)));
            warnings.add(why + ": " + quoted + "; giữ số hiệu " + number + ", phần chữ ghi làm tên văn bản");
            return;
        }
        unsplit.add(text);
        warnings.add(why + ": " + quoted + (added.isEmpty() ? "" : "; giữ các số hiệu " + String.join(", ", added))
                + "; nguyên văn ghi trong phần nội dung");
    }

    /** The text less a trailing code that repeats the number and year of a number cited in it. */
    static String withoutTrailingCode(String text, List<Citation> cited) {
        Matcher m = TRAILING_CODE.matcher(text);
        if (m.find() && m.start() > 0) {
            for (Citation c : cited) {
                boolean sameSequence = c.number().sequence().replaceFirst("^0+(?=\\d)", "")
                        .equals(m.group(1).replaceFirst("^0+(?=\\d)", ""));
                boolean sameYear = m.group(2) == null || c.number().year() == null
                        || m.group(2).equals(String.valueOf(c.number().year()));
                if (sameSequence && sameYear && c.offset() < m.start()) {
                    return text.substring(0, m.start()).strip().replaceAll("[;,:.\\s]+$", "").strip();
                }
            }
        }
        return text.strip();
    }

    private static String key(String number) {
        return DocumentNumber.parse(number).map(DocumentNumber::key).orElse(number);
    }

    private static boolean sameNumber(String a, String b) {
        return key(a).equals(key(b));
    }
}
