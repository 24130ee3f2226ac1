package vn.trang.procedure;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.legal.DocumentNumber;
import vn.trang.model.ChannelType;

/**
 * Parsers for the cells of the national public service portal's records, whose tables were
 * flattened without separators: "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm
 * việcMiễn phí…". Each parser either returns the cell's rows or throws {@link Unconvertible}
 * saying why the cell cannot be split with confidence; it never guesses silently.
 */
final class PortalCells {

    /** "Không có thông tin": the portal's empty value. */
    static final String NO_INFO = "Không có thông tin";

    static final String CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    static final String DOSSIER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    static final String BASIS_HEADER = "Tên văn bản pháp lýMã văn bản";

    private static final Pattern CHANNEL = Pattern.compile("(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\\d|Không)");
    private static final Pattern TIME = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút)");
    private static final Pattern UNITLESS_TIME = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final List<String> TIME_TEXTS = List.of("Không phải trả kết quả cho người nộp thuế",
            "Không phải trả kết quả cho người nộp", "Không quy định", "Không");
    private static final Pattern FEE = Pattern.compile(
            "Miễn phí|" + NO_INFO + "|(\\d[\\d.,]*)\\s*(Việt Nam Đồng|VNĐ|Đồng|đồng|USD|EUR)|VNĐ|Việt Nam Đồng");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+) bản chính(?:\\s*,\\s*(\\d+) bản sao)?|(\\d+) bản sao");
    private static final Pattern FORM_FILE = Pattern.compile(
            "\\.(?:docx?|xlsx?|pdf|rtf|odt|ods|zip|rar|jpe?g|png)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STEP = Pattern.compile(
            "(?:^|(?<=[\\n.;:]))[ \\t]*(?:[a-zđ]\\)[ \\t]*|[-+*•][ \\t]*)?Bước[ \\t]*(\\d{1,2})(?!\\d)[ \\t]*[:.\\-–)]?[ \\t]*");
    private static final Pattern RESULT_CODE = Pattern.compile("Mã:\\s*KQ\\.[A-Z]\\d+\\.\\d+");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,6})(?:/((?:19|20)\\d{2}))?/(?=[\\p{Lu}])");
    private static final Pattern OLD_NUMBER = Pattern.compile("(?<![\\d/])(\\d{1,4})-(?=\\p{Lu})");
    /** Symbol parts whose lower-case letter belongs to the spelling (vn.trang.legal.Symbols). */
    private static final Set<String> MIXED = Set.of("TTg", "TTr", "CTr", "TrS", "QĐi", "QyĐ");

    private PortalCells() {
    }

    /** Why a record cannot be converted: a category for the summary, and the detail. */
    static final class Unconvertible extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String category;

        Unconvertible(String category, String detail) {
            super(detail, null, false, false);
            this.category = category;
        }
    }

    record Channel(ChannelType type, String time, String fee, String description) {
    }

    /**
     * @param form          the name of the portal's form template (mẫu đơn, tờ khai), or null
     * @param raw           the cell text the paper was read from (for merging)
     * @param quantityStart where its quantity starts in the cell segment
     */
    record Paper(String name, String form, int originals, int copies, String raw, int quantityStart) {

        Paper at(String text, int quantity) {
            return new Paper(name, form, originals, copies, text, quantity);
        }
    }

    /** @param name null for the portal's unnamed case ("--") */
    record Case(String name, List<Paper> papers) {
    }

    record Basis(String number, String title) {
    }

    record Outcome(List<String> results, List<String> keywords) {
    }

    /** NFC, no control characters, no-break spaces as spaces, trimmed. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00a0', ' ').replace("\uFEFF", "").replace('\u2028', '\n').replace('\u2029', '\n')
                .replace('\u0085', '\n');
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1));
                if (paired) {
                    sb.append(c).append(t.charAt(++i));
                }
            } else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) || c == '\n' || c == '\t') {
                sb.append(c == '\t' ? ' ' : c);
            }
        }
        return sb.toString().strip();
    }

    /** One line: whitespace runs as one space. */
    static String oneLine(String s) {
        return clean(s).replaceAll("\\s+", " ").strip();
    }

    /** The text, or null when it is the portal's empty value. */
    static String orNull(String s) {
        String t = clean(s);
        return t.isEmpty() || t.equals(NO_INFO) || t.equals("--") ? null : t;
    }

    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 50 ? one.substring(0, 47) + "…" : one;
    }

    // --- Cách thức thực hiện -------------------------------------------------------------

    static List<Channel> channels(String cell) {
        return channels(cell, null);
    }

    /**
     * @param warnings null to refuse a time without a unit; else such a time is left out of the
     *                 channel's time and kept, as written, at the start of its description, and a
     *                 line saying so is added here
     */
    static List<Channel> channels(String cell, List<String> warnings) {
        String s = oneLine(cell);
        if (s.isEmpty() || s.equals(NO_INFO)) {
            return List.of();
        }
        if (!s.startsWith(CHANNEL_HEADER)) {
            throw new Unconvertible("cach-thuc", "cách thức thực hiện không có bảng quen thuộc: \"" + abbreviate(s) + "\"");
        }
        String body = s.substring(CHANNEL_HEADER.length()).strip();
        if (body.isEmpty()) {
            return List.of();
        }
        Matcher m = CHANNEL.matcher(body);
        List<int[]> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new int[] {m.start(), m.end()});
        }
        if (rows.isEmpty() || rows.get(0)[0] != 0) {
            throw new Unconvertible("cach-thuc", "cách thức thực hiện không tách được thành hàng: \"" + abbreviate(body) + "\"");
        }
        List<Channel> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String name = body.substring(rows.get(r)[0], rows.get(r)[1]);
            String row = body.substring(rows.get(r)[1], r + 1 < rows.size() ? rows.get(r + 1)[0] : body.length());
            out.add(channelRow(name, row, warnings));
        }
        return out;
    }

    private static Channel channelRow(String name, String row, List<String> warnings) {
        ChannelType type = switch (name) {
            case "Trực tiếp" -> ChannelType.DIRECT;
            case "Trực tuyến" -> ChannelType.ONLINE;
            default -> ChannelType.POST;
        };
        String time = null;
        String unitless = null;
        String rest;
        Matcher t = TIME.matcher(row);
        if (row.startsWith(NO_INFO)) {
            rest = row.substring(NO_INFO.length());
        } else if (t.lookingAt()) {
            time = t.group(1) + " " + t.group(2).toLowerCase(Locale.forLanguageTag("vi"));
            rest = row.substring(t.end());
        } else {
            Matcher u = UNITLESS_TIME.matcher(row);
            String text = TIME_TEXTS.stream().filter(row::startsWith).findFirst().orElse(null);
            if (u.lookingAt() && warnings != null) {
                unitless = u.group();
                rest = row.substring(u.end());
                warnings.add("thời hạn giải quyết \"" + unitless + "\" (" + name.toLowerCase(Locale.forLanguageTag("vi"))
                        + ") không ghi đơn vị (ngày, ngày làm việc, giờ…); ghi nguyên văn vào mô tả cách thức");
            } else if (u.lookingAt()) {
                throw new Unconvertible("thoi-han", "thời hạn giải quyết \"" + u.group() + "\" không ghi đơn vị (ngày, ngày làm việc, giờ…)");
            } else if (text == null) {
                throw new Unconvertible("cach-thuc", "không đọc được thời hạn giải quyết: \"" + abbreviate(row) + "\"");
            } else {
                time = text;
                rest = row.substring(text.length());
            }
        }
        rest = rest.strip();
        Matcher f = FEE.matcher(rest);
        if (!f.lookingAt()) {
            throw new Unconvertible("cach-thuc", "không đọc được phí, lệ phí: \"" + abbreviate(rest) + "\"");
        }
        String fee;
        if (f.group().equals("Miễn phí")) {
            fee = "Miễn phí";
        } else if (f.group(1) != null) {
            fee = amount(f.group(1)) + " " + (f.group(2).equals("USD") || f.group(2).equals("EUR") ? f.group(2) : "đồng");
        } else {
            fee = null;
        }
        rest = rest.substring(f.end());
        if (rest.startsWith("(")) {
            int close = closing(rest);
            String inner = rest.substring(1, close < 0 ? rest.length() : close).strip();
            rest = close < 0 ? "" : rest.substring(close + 1);
            if (!inner.isEmpty() && !inner.equals(NO_INFO)) {
                fee = fee == null ? inner : fee + " (" + inner + ")";
            }
        }
        String description = orNull(rest);
        if (unitless != null) {
            String asWritten = "Thời hạn giải quyết ghi trên Cổng Dịch vụ công quốc gia: " + unitless + " (không ghi đơn vị).";
            description = description == null ? asWritten : asWritten + " " + description;
        }
        return new Channel(type, time, fee, description);
    }

    /** The index of the parenthesis closing the one at 0, or -1. */
    private static int closing(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "2,000,000" and "2000000" → "2.000.000", as Vietnamese writes amounts. */
    static String amount(String n) {
        if (n.matches("\\d{1,3}(,\\d{3})+")) {
            return n.replace(',', '.');
        }
        if (n.matches("\\d{4,}")) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = n.length() - 3; i > 0; i -= 3) {
                sb.insert(i, '.');
            }
            return sb.toString();
        }
        return n;
    }

    // --- Thành phần hồ sơ ------------------------------------------------------------------

    static List<Case> dossier(String cell) {
        String s = clean(cell);
        if (s.isEmpty() || s.equals(NO_INFO) || s.equals("--")) {
            return List.of();
        }
        if (!s.contains(DOSSIER_HEADER)) {
            throw new Unconvertible("ho-so", "thành phần hồ sơ không có bảng giấy tờ: \"" + abbreviate(s) + "\"");
        }
        String[] segments = s.split(Pattern.quote(DOSSIER_HEADER), -1);
        List<Case> out = new ArrayList<>();
        String caseName = segments[0];
        for (int k = 1; k < segments.length; k++) {
            String seg = segments[k];
            List<Paper> papers = new ArrayList<>();
            Matcher q = QUANTITY.matcher(seg);
            int pos = 0;
            while (q.find()) {
                String digits = q.group(1) != null ? q.group(1) : q.group(3);
                int start = q.start();
                int originals;
                int copies;
                String quantityDigits = digits;
                if (digits.length() > 1 && (digits.startsWith("0") || Integer.parseInt(digits.substring(0, Math.min(digits.length(), 6))) > 20)) {
                    // "…Mẫu số 011 bản chính": the last digit is the quantity, the rest ends the name.
                    quantityDigits = digits.substring(digits.length() - 1);
                    start = q.start() + digits.length() - 1;
                }
                if (q.group(1) != null) {
                    originals = Integer.parseInt(quantityDigits);
                    copies = q.group(2) == null ? 0 : Integer.parseInt(q.group(2));
                } else {
                    originals = 0;
                    copies = Integer.parseInt(quantityDigits);
                }
                String text = seg.substring(pos, start);
                String stripped = text.strip();
                if (!papers.isEmpty() && (stripped.isEmpty() || stripped.matches("[;,.:)].*"))) {
                    // The previous "… bản sao" was part of a name ("…: nộp 01 bản sao; hợp đồng…").
                    Paper prev = papers.remove(papers.size() - 1);
                    text = prev.raw() + seg.substring(prev.quantityStart(), start);
                }
                papers.add(paper(text, originals, copies).at(text, start));
                pos = q.end();
            }
            String tail = seg.substring(pos);
            out.add(new Case(caseName(caseName), papers));
            if (papers.isEmpty()) {
                throw new Unconvertible("ho-so", "một nhóm giấy tờ không ghi số lượng bản chính, bản sao");
            }
            if (k + 1 < segments.length) {
                caseName = tail;
            } else if (!tail.isBlank() && !tail.strip().equals("--")) {
                throw new Unconvertible("ho-so", "phần cuối thành phần hồ sơ không có số lượng: \"" + abbreviate(tail) + "\"");
            }
        }
        return out;
    }

    /** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp"; "--" → null. */
    private static String caseName(String raw) {
        String n = oneLine(raw).replaceFirst("^[-+*•]+\\s*", "").replaceFirst("\\s*:$", "").strip();
        return n.isEmpty() ? null : n;
    }

    private static Paper paper(String raw, int originals, int copies) {
        String text = oneLine(raw).replaceFirst("^[-+*•]\\s*", "");
        String form = null;
        Matcher ext = FORM_FILE.matcher(text);
        if (ext.find()) {
            int split = formStart(text, ext.start());
            if (split < 0) {
                throw new Unconvertible("ho-so", "không tách được tên giấy tờ và tên tệp mẫu: \"" + abbreviate(text) + "\"");
            }
            form = text.substring(split).strip();
            text = text.substring(0, split).strip();
        }
        if (text.isEmpty()) {
            throw new Unconvertible("ho-so", "một giấy tờ không có tên" + (form == null ? "" : " (chỉ có tệp mẫu " + form + ")"));
        }
        return new Paper(text, form, originals, copies, raw, -1);
    }

    /**
     * Where the form's file name starts in "name + file name": after the last separator that
     * leaves a plausible file name (';', ':', ')', ']', a quote, or ',' glued to it; else a
     * sentence's '.'); else at the first place a word is glued to the file name ("…lời khiếu
     * nạiMẫu ban hành….doc", "…NĐ-CPMus03a.docx", "…2026Mau so 04.docx"); -1 when none is found.
     */
    static int formStart(String text, int extension) {
        // "NA5 (1).doc": a downloaded copy's "(1)" is part of the file name, not a separator.
        String head = text.substring(0, extension).replaceFirst("\\s*\\(\\d{1,2}\\)$", "");
        int strong = -1;
        int weak = -1;
        for (int i = 0; i < head.length() - 1; i++) {
            char c = head.charAt(i);
            char next = head.charAt(i + 1);
            boolean isStrong = ";:)]”\"".indexOf(c) >= 0 || c == ',' && !Character.isWhitespace(next);
            boolean isWeak = c == '.' && Character.isLetter(next);
            if ((isStrong || isWeak) && plausibleFileName(head.substring(i + 1))) {
                if (isStrong) {
                    strong = i + 1;
                } else {
                    weak = i + 1;
                }
            }
        }
        int split = strong >= 0 ? strong : weak;
        if (split >= 0) {
            while (split < head.length() && (Character.isWhitespace(head.charAt(split)) || head.charAt(split) == '.')) {
                split++;
            }
            return split;
        }
        // Tokens from the end; in the first one that glues two words, split at its first glue.
        int end = head.length();
        while (end > 0) {
            int start = head.lastIndexOf(' ', end - 1) + 1;
            String token = head.substring(start, end);
            for (int i = 1; i < token.length(); i++) {
                char prev = token.charAt(i - 1);
                char c = token.charAt(i);
                char next = i + 1 < token.length() ? token.charAt(i + 1) : ' ';
                boolean glued = Character.isUpperCase(c) && (Character.isLowerCase(prev)
                        || (Character.isUpperCase(prev) || Character.isDigit(prev)) && Character.isLowerCase(next))
                        // "…NĐ -CPmau so 12.doc"
                        || Character.isLowerCase(c) && Character.isUpperCase(prev) && i >= 2
                        && Character.isUpperCase(token.charAt(i - 2)) && !endsWithMixed(token, i);
                if (glued) {
                    return start + i;
                }
            }
            end = start - 1;
        }
        return -1;
    }

    /** Not blank, parentheses balanced, not just punctuation. */
    private static boolean plausibleFileName(String s) {
        String t = s.strip();
        if (t.isEmpty() || !t.matches(".*[\\p{L}\\p{N}].*")) {
            return false;
        }
        int depth = 0;
        for (char c : t.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Whether a mixed-case symbol part ("TTg") ends at {@code i} of the token. */
    private static boolean endsWithMixed(String token, int i) {
        for (String m : MIXED) {
            int from = i - m.length() + 1;
            if (from >= 0 && token.startsWith(m, from)) {
                return true;
            }
        }
        return false;
    }

    // --- Căn cứ pháp lý --------------------------------------------------------------------

    /**
     * "Căn cứ pháp lý" read back: its rows, and what could be read only loosely.
     *
     * @param unsplit  text kept as written because its numbers could not be told from its titles
     * @param warnings one line for each loosely read part, saying what was kept
     */
    record BasisCell(List<Basis> rows, List<String> unsplit, List<String> warnings) {
    }

    /**
     * The table's rows: a title run into its code ("Luật Xây dựng50/2014/QH13"). Text that does
     * not end in a code of its own ("Quyết định 24/2024/QĐ-UBND Sơn La… giá trị24/2024") is read
     * loosely: the document numbers it contains are kept, the rest as text, with a warning.
     */
    static BasisCell legalBasis(String cell) {
        String s = oneLine(cell);
        if (s.isEmpty() || s.equals(NO_INFO)) {
            return new BasisCell(List.of(), List.of(), List.of());
        }
        Map<String, Basis> out = new LinkedHashMap<>();
        List<String> unsplit = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!s.startsWith(BASIS_HEADER)) {
            loose(s, "căn cứ pháp lý không có bảng quen thuộc", out, unsplit, warnings);
            return new BasisCell(new ArrayList<>(out.values()), unsplit, warnings);
        }
        String body = s.substring(BASIS_HEADER.length());
        int rowStart = 0;
        int from = 0;
        while (true) {
            Found n;
            boolean endsRow;
            try {
                n = nextNumber(body, from);
                if (n == null) {
                    break;
                }
                endsRow = n.end == body.length() || Character.isLetter(body.charAt(n.end));
                if (!endsRow && Character.isDigit(body.charAt(n.end))) {
                    // Two numbers glued: "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP" is a title and its
                    // code; "…NĐ-CP14/2025/TT-BNNMT…" ends a row whose code is followed by a title
                    // that starts with a number.
                    Found next = nextNumber(body, n.end);
                    boolean same = next != null && next.start == n.end && sameNumber(n.text, next.text);
                    endsRow = next != null && next.start == n.end && !same;
                }
            } catch (Unconvertible e) {
                break; // the rest, from this row on, is read loosely
            }
            if (!endsRow) {
                from = n.end;
                continue;
            }
            String title = body.substring(rowStart, n.start).strip().replaceAll("[;,:.\\s]+$", "").strip();
            if (!title.matches("(Nghị định|Thông tư|Quyết định|Luật|Nghị quyết|Pháp lệnh)( số)?")) {
                // "…thực vậtNghị định số" + "33/2026/NĐ-CP": the code cell began with its type.
                title = title.replaceFirst("(?<=[\\p{L}.,;)])(Nghị định|Thông tư|Quyết định|Luật|Nghị quyết|Pháp lệnh)?\\s?số$", "")
                        .strip();
            }
            if (title.equalsIgnoreCase("NĐ") || title.isEmpty()) {
                title = null;
            }
            String number = DocumentNumber.parse(n.text).map(DocumentNumber::normalized).orElse(n.text);
            out.putIfAbsent(key(number), new Basis(number, title));
            rowStart = n.end;
            from = n.end;
        }
        String tail = body.substring(rowStart).strip();
        if (!tail.isEmpty()) {
            loose(tail, "căn cứ pháp lý có dòng không tách được tên và số hiệu", out, unsplit, warnings);
        }
        return new BasisCell(new ArrayList<>(out.values()), unsplit, warnings);
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
        String quoted = "\"" + abbreviate(text) + "\"";
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

    /** A document number in run-together text: where it starts and ends. */
    private record Found(int start, int end, String text) {
    }

    private static Found nextNumber(String s, int from) {
        Found best = null;
        Matcher m = NUMBER.matcher(s);
        int at = from;
        while (best == null && m.find(at)) {
            int start = m.start();
            while (start > from && Character.isDigit(s.charAt(start - 1))) {
                start--;
            }
            String seq = s.substring(start, m.end(1));
            if (seq.length() > 4 && seq.matches("(19|20)\\d{2}\\d{1,5}")) {
                // "…năm 201102/2011/QH13", "…2026 - 2030182/2025/NQ-HĐND": a year ends the title.
                start += 4;
            } else if (seq.length() > 5) {
                throw new Unconvertible("can-cu", "không tách được số hiệu khỏi tên văn bản: \"…"
                        + abbreviate(s.substring(Math.max(0, m.start() - 20), Math.min(s.length(), m.end() + 20))) + "\"");
            }
            int end = symbolEnd(s, m.end());
            if (end > m.end()) {
                best = new Found(start, end, s.substring(start, end));
            }
            at = m.end();
        }
        Matcher old = OLD_NUMBER.matcher(s);
        at = from;
        while (old.find(at) && (best == null || old.start() < best.start)) {
            int end = symbolEnd(s, old.end());
            // Old numbers ("73-CP") count only where they end a row.
            if (end > old.end() && (end == s.length() || Character.isLetter(s.charAt(end)))) {
                return new Found(old.start(), end, s.substring(old.start(), end));
            }
            at = old.end();
        }
        return best;
    }

    /**
     * The end of a symbol starting at {@code i} ("NĐ-CP", "QĐ-TTg", "TT-BCA"), in text where the
     * next title follows without a space: "TT-BCALuật" ends before "Luật". Returns {@code i} when
     * no symbol starts there.
     */
    static int symbolEnd(String s, int i) {
        int pos = i;
        while (true) {
            int tokenStart = pos;
            String mixed = null;
            for (String m : MIXED) {
                int after = tokenStart + m.length();
                if (s.startsWith(m, tokenStart) && (after == s.length() || !Character.isLowerCase(s.charAt(after))
                        || syllableStart(s, after))) {
                    mixed = m;
                }
            }
            if (mixed != null) {
                pos = tokenStart + mixed.length();
                if (pos < s.length() && Character.isLowerCase(s.charAt(pos))) {
                    return pos; // "QĐ-TTgnghị định…"
                }
            } else {
                while (pos < s.length() && (Character.isUpperCase(s.charAt(pos)) || Character.isDigit(s.charAt(pos)))) {
                    pos++;
                }
                int word = capitalWord(s, tokenStart, pos);
                if (word > tokenStart) {
                    return word; // "NĐ-CPBỘ LUẬT HÀNG HẢI": the title is in capitals
                }
                if (pos < s.length() && Character.isLowerCase(s.charAt(pos))) {
                    // Either the last capital starts the next title ("BCALuật", "BTCThông"), or
                    // the title starts in lower case ("CPnghị quyết": "Pnghị" is no Vietnamese word).
                    if (!syllableStart(s, pos - 1) && syllableStart(s, pos)) {
                        return pos;
                    }
                    // With a single capital the whole token is that title's first word.
                    return pos - tokenStart > 1 ? pos - 1 : Math.max(i, tokenStart - 1);
                }
                if (pos < s.length() && s.charAt(pos) == '/') {
                    // "NĐ-CP05/2012/NĐ-CP": the digits start the next number; "QH1408/2017/QH14":
                    // a National Assembly keeps its two-digit term.
                    int letters = pos;
                    while (letters > tokenStart && Character.isDigit(s.charAt(letters - 1))) {
                        letters--;
                    }
                    if (letters - tokenStart == 2 && s.startsWith("QH", tokenStart) && pos - letters > 2) {
                        return letters + 2;
                    }
                    if (letters < pos && letters > tokenStart && !s.startsWith("QH", tokenStart)) {
                        return letters;
                    }
                }
            }
            if (pos == tokenStart) {
                return Math.max(i, tokenStart - 1);
            }
            if (pos + 1 < s.length() && s.charAt(pos) == '-'
                    && (Character.isUpperCase(s.charAt(pos + 1)) || Character.isDigit(s.charAt(pos + 1)))) {
                pos++;
                continue;
            }
            return pos;
        }
    }

    /**
     * Where a Vietnamese word in capitals starts inside a run of capitals, found by its first
     * vowel with a diacritic ("CPBỘ" → at "B"); symbols have none but Đ and Ư. -1 when none.
     */
    private static final Set<String> INITIALS = Set.of("NGH", "NG", "NH", "CH", "GH", "GI", "KH", "PH", "QU", "TH", "TR",
            "B", "C", "D", "Đ", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "X");

    static int capitalWord(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == 'Ư' || c == 'Đ' || !Character.isLetter(c)) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (base.length() > 1) {
                int vowel = k;
                while (vowel - 1 > from && "AEIOUYƯ".indexOf(s.charAt(vowel - 1)) >= 0) {
                    vowel--;
                }
                for (int len = 3; len >= 1; len--) {
                    if (vowel - len >= from + 1 && INITIALS.contains(s.substring(vowel - len, vowel))) {
                        return vowel - len;
                    }
                }
                return vowel;
            }
        }
        return -1;
    }

    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?");

    /**
     * Whether a Vietnamese syllable starts at {@code i}: the letter there and the lower-case letters
     * after it form an initial consonant (cluster), vowels and a final consonant ("Luật", "ngày";
     * not "Pnghị", "Angày").
     */
    static boolean syllableStart(String s, int i) {
        int end = i + 1;
        while (end < s.length() && Character.isLowerCase(s.charAt(end))) {
            end++;
        }
        String folded = Normalizer.normalize(s.substring(i, end).toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return SYLLABLE.matcher(folded).matches();
    }

    // --- Kết quả, từ khóa -------------------------------------------------------------------

    static Outcome outcome(String cell) {
        String s = oneLine(cell);
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
            String r = orNull(piece);
            if (r != null) {
                results.add(r.replaceAll("[;,]+$", "").strip());
            }
        }
        List<String> kws = new ArrayList<>();
        String k = orNull(keywords);
        if (k != null) {
            for (String w : k.split("[,;]")) {
                if (!w.isBlank()) {
                    kws.add(w.strip());
                }
            }
        }
        return new Outcome(results, kws);
    }

    // --- Đối tượng, trình tự -------------------------------------------------------------

    /** "Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức" → two groups. */
    static List<String> targetGroups(String cell) {
        String s = orNull(oneLine(cell));
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                add(out, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur.toString());
        return out;
    }

    private static void add(List<String> groups, String piece) {
        String p = piece.strip();
        if (p.isEmpty()) {
            return;
        }
        if (!groups.isEmpty() && Character.isLowerCase(p.charAt(0))) {
            // "Cán bộ, công chức, viên chức" is one group
            groups.set(groups.size() - 1, groups.get(groups.size() - 1) + ", " + p);
        } else if (!groups.contains(p)) {
            groups.add(p);
        }
    }

    /**
     * The steps, split at "Bước 1", "Bước 2"… when they are numbered in order from 1 with nothing
     * before the first; otherwise the whole text is one step. Each step is Markdown.
     */
    static List<String> steps(String cell) {
        String s = clean(cell);
        if (s.isEmpty() || s.equals(NO_INFO)) {
            return List.of();
        }
        Matcher m = STEP.matcher(s);
        List<int[]> marks = new ArrayList<>();
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expected) {
                marks.add(new int[] {m.start(), m.end()});
                expected++;
            }
        }
        if (marks.size() < 2 || !s.substring(0, marks.get(0)[0]).isBlank()) {
            return List.of(markdown(s));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            String step = s.substring(marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0] : s.length());
            String md = markdown(step);
            if (!md.isEmpty()) {
                out.add(md);
            }
        }
        return out;
    }

    private static final Pattern BLOCK_START = Pattern.compile("([a-zđ]\\)|\\d{1,2}[.)]|[-+*•]|Bước)\\s.*|[-+*•].*");

    /**
     * Plain text as Markdown that renders as it reads: lines trimmed (no accidental code blocks),
     * "•" bullets as "-", a blank line before each list-like line so it stays on its own line,
     * characters that would start headings, quotes or rules escaped.
     */
    static String markdown(String text) {
        String[] lines = clean(text).split("\n", -1);
        StringBuilder sb = new StringBuilder();
        boolean blank = true;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (!blank) {
                    sb.append('\n');
                    blank = true;
                }
                continue;
            }
            if (line.startsWith("•")) {
                line = "-" + line.substring(1);
            }
            if (line.matches("[#>=|~`].*") || line.matches("[-_*]{3,}.*")) {
                line = "\\" + line;
            }
            if (!blank && BLOCK_START.matcher(line).matches()) {
                sb.append('\n');
            }
            sb.append(line.replace("<", "\\<")).append('\n');
            blank = false;
        }
        return sb.toString().strip();
    }
}
