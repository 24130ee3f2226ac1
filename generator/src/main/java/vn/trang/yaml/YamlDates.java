package vn.trang.yaml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as front matter writes them, read strictly: {@code 2019-04-19}, and with a time
 * {@code 2019-04-19 08:30}. A Vietnamese day-first date ("19/4/2019") is not accepted, but is
 * recognised, so the error can show the value to write instead.
 */
final class YamlDates {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private YamlDates() {
    }

    /** An ISO date, or null. */
    static LocalDate date(String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO date, or an ISO date and time to the minute or second, or null. */
    static LocalDateTime dateTime(String v) {
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay();
            }
            Matcher m = ISO_DATE_TIME.matcher(v);
            if (m.matches()) {
                // A UTC offset, when given, is dropped: every site displays Vietnam's local time.
                String secs = m.group(3) == null ? ":00" : m.group(3).substring(0, 3);
                return LocalDateTime.parse(m.group(1) + "T" + m.group(2) + secs);
            }
        } catch (DateTimeParseException e) {
            // not a date
        }
        return null;
    }

    /** The day a day-first date ("19/4/2019", "19.04.2019") names, or null when it is none. */
    static LocalDate dayMonthYear(String v) {
        Matcher m = DMY.matcher(v);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (RuntimeException e) {
            return null; // not a real day either
        }
    }
}
