package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Thành phần hồ sơ": the portal's table of papers run together, "Tên giấy tờMẫu đơn, tờ
 * khaiSố lượng" repeated once per case, read back into cases of papers (name, form template,
 * originals and copies). A cell that cannot be split with confidence throws {@link Unconvertible}.
 */
final class DossierCell {

    static final String HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";

    private static final Pattern QUANTITY = Pattern.compile("(\\d+) bản chính(?:\\s*,\\s*(\\d+) bản sao)?|(\\d+) bản sao");
    private static final Pattern FORM_FILE = Pattern.compile(
            "\\.(?:docx?|xlsx?|pdf|rtf|odt|ods|zip|rar|jpe?g|png)$", Pattern.CASE_INSENSITIVE);

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

    private DossierCell() {
    }

    static List<Case> parse(String cell) {
        String s = PortalText.clean(cell);
        if (s.isEmpty() || s.equals(PortalText.NO_INFO) || s.equals("--")) {
            return List.of();
        }
        if (!s.contains(HEADER)) {
            throw new Unconvertible("ho-so", "thành phần hồ sơ không có bảng giấy tờ: \"" + PortalText.abbreviate(s) + "\"");
        }
        String[] segments = s.split(Pattern.quote(HEADER), -1);
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
                throw new Unconvertible("ho-so", "phần cuối thành phần hồ sơ không có số lượng: \"" + PortalText.abbreviate(tail) + "\"");
            }
        }
        return out;
    }

    /** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp"; "--" → null. */
    private static String caseName(String raw) {
        String n = PortalText.oneLine(raw).replaceFirst("^[-+*•]+\\s*", "").replaceFirst("\\s*:$", "").strip();
        return n.isEmpty() ? null : n;
    }

    private static Paper paper(String raw, int originals, int copies) {
        String text = PortalText.oneLine(raw).replaceFirst("^[-+*•]\\s*", "");
        String form = null;
        Matcher ext = FORM_FILE.matcher(text);
        if (ext.find()) {
            int split = formStart(text, ext.start());
            if (split < 0) {
                throw new Unconvertible("ho-so", "không tách được tên giấy tờ và tên tệp mẫu: \"" + PortalText.abbreviate(text) + "\"");
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
        for (String m : RunTogetherNumbers.MIXED) {
            int from = i - m.length() + 1;
            if (from >= 0 && token.startsWith(m, from)) {
                return true;
            }
        }
        return false;
    }
}
