package vn.trang.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date formatting for templates ({@code fmt}): Vietnamese pages show dd/MM/yyyy; feeds need
 * RFC 822 and sitemaps ISO dates. Every method accepts null or "" (Freemarker's {@code x!}) and
 * returns "".
 */
public final class DateFormats {

    /** Vietnam does not observe daylight saving: UTC+7 all year. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DMY_HM = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    public String date(Object value) {
        LocalDateTime t = toDateTime(value);
        return t == null ? "" : t.format(DMY);
    }

    /** Day and time; the time is left out when none was given (midnight). */
    public String dateTime(Object value) {
        LocalDateTime t = toDateTime(value);
        if (t == null) {
            return "";
        }
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.format(DMY) : t.format(DMY_HM);
    }

    public String iso(Object value) {
        LocalDateTime t = toDateTime(value);
        return t == null ? "" : t.toLocalDate().toString();
    }

    public String rfc822(Object value) {
        LocalDateTime t = toDateTime(value);
        return t == null ? "" : t.atOffset(VIETNAM).format(RFC822);
    }

    static LocalDateTime toDateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        return null;
    }
}
