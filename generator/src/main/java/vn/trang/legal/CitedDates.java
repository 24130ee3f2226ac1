package vn.trang.legal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a text states with a cited number: "1605/QĐ-TTg ngày 27/8/2010",
 * "43/2011/NĐ-CP của Chính phủ ngày 13/6/2011", "ngày 13 tháng 6 năm 2011", and the typo
 * "ngày 31//10/2018". Only dates after the number count: a date before it
 * ("Ngày 26/1/2011, ... Chỉ thị số 03/CT-UBND") is as often the date of something else.
 */
final class CitedDates {

    private static final String WS = "[\\s\\u00a0]";
    /** d/m/yyyy with '/', '.', '-' or a doubled '/', or "d tháng m năm yyyy"; spaces and line breaks allowed. */
    private static final String DATE = "(?:(\\d{1,2})" + WS + "*(?://?|\\.|-)" + WS + "*(\\d{1,2})" + WS + "*(?://?|\\.|-)"
            + WS + "*(\\d{4})|(\\d{1,2})" + WS + "+tháng" + WS + "+(\\d{1,2})" + WS + "+năm" + WS + "+(\\d{4}))(?!\\d)";

    /**
     * Between number and "ngày" may stand the issuer ("của Chính phủ", "do UBND tỉnh") and
     * "ban hành"; nothing with digits or clause punctuation, so the date of another document or
     * of another clause is not taken.
     */
    private static final Pattern AFTER = Pattern.compile(WS + "*,?" + WS + "*"
            + "(?:(?:của|do)" + WS + "+[^\\d;.,:()\\[\\]\"“”]{1,60}?" + WS + "+)?"
            + "(?:(?:đã" + WS + "+)?(?:được" + WS + "+)?ban" + WS + "+hành" + WS + "+)?"
            + "ngày" + WS + "+" + DATE, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A document header: "Số: 06/CT-UBND" then, in the next table cell or line,
     * "Bắc Ninh, ngày 19 tháng 4 năm 2019" — the place name stands between number and date.
     */
    private static final Pattern HEADER_AFTER = Pattern.compile(WS + "+\\p{Lu}[\\p{L}\\s\\u00a0.\\-–]{0,40}?,"
            + WS + "*ngày" + WS + "+" + DATE, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** How far after a number its date may start; long enough for an issuer's name. */
    private static final int WINDOW = 160;

    private CitedDates() {
    }

    /** The date stated right after {@code end} in {@code text}, or null. */
    static LocalDate after(String text, int end, boolean header) {
        int limit = Math.min(text.length(), end + WINDOW);
        Matcher m = AFTER.matcher(text).region(end, limit);
        if (m.lookingAt()) {
            return date(m);
        }
        if (header) {
            m = HEADER_AFTER.matcher(text).region(end, limit);
            if (m.lookingAt()) {
                return date(m);
            }
        }
        return null;
    }

    /** The date of a match of {@link #DATE}, or null when it is not a calendar date (31/2/2019). */
    private static LocalDate date(Matcher m) {
        boolean numeric = m.group(1) != null;
        int day = Integer.parseInt(m.group(numeric ? 1 : 4));
        int month = Integer.parseInt(m.group(numeric ? 2 : 5));
        int year = Integer.parseInt(m.group(numeric ? 3 : 6));
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
