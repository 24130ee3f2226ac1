package vn.trang.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values read the way people type them, with a plain message saying what is expected when
 * they are not, in Vietnamese and English: a usage error (exit 2), never a Java exception's text
 * or an internal error.
 */
final class OptionValues {

    /** More threads than this is a typo, not a machine (and the JVM's pools refuse some counts). */
    static final int MAX_THREADS = 1024;
    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private OptionValues() {
    }

    /** Registers the converters on a command line and every subcommand it has now. */
    static void register(CommandLine cl) {
        cl.registerConverter(LocalDate.class, new Converter<>(OptionValues::date));
        cl.registerConverter(LocalDateTime.class, new Converter<>(OptionValues::dateTime));
        cl.registerConverter(Integer.class, new Converter<>(OptionValues::integer));
        cl.registerConverter(Integer.TYPE, new Converter<>(OptionValues::integer));
        cl.registerConverter(Long.class, new Converter<>(OptionValues::longInteger));
        cl.registerConverter(Long.TYPE, new Converter<>(OptionValues::longInteger));
        cl.registerConverter(Path.class, new Converter<>(OptionValues::path));
        cl.registerConverter(Boolean.class, new Converter<>(OptionValues::bool));
        cl.registerConverter(Boolean.TYPE, new Converter<>(OptionValues::bool));
    }

    /**
     * A converter as a class of ours, never a lambda: a lambda implementing one of picocli's
     * interfaces (Java 5 class files) makes JDK 17's class-data-sharing dump crash the JVM at the
     * end of the first {@code trang build} after the jar changes (the launcher's
     * {@code -XX:ArchiveClassesAtExit}), so every build exited with SIGABRT.
     */
    private record Converter<T>(java.util.function.Function<String, T> parse) implements CommandLine.ITypeConverter<T> {
        @Override
        public T convert(String value) {
            return parse.apply(value);
        }
    }

    /** YYYY-MM-DD, a real day from 1900 on: 2026-13-45 and 2026-02-30 are refused. */
    static LocalDate date(String value) {
        LocalDate d = null;
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                d = LocalDate.parse(value, ISO_DATE);
            } catch (DateTimeException e) {
                d = null;
            }
        }
        if (d == null || d.isBefore(FIRST_DATE)) {
            throw new TypeConversionException("'" + shown(value) + "' không phải một ngày hợp lệ: cần dạng YYYY-MM-DD, "
                    + "ví dụ 2026-06-01 / not a valid date: expected YYYY-MM-DD, e.g. 2026-06-01");
        }
        return d;
    }

    /** "YYYY-MM-DD HH:mm" (or YYYY-MM-DDTHH:mm), Vietnam time: the clock the schedule is judged by. */
    static LocalDateTime dateTime(String value) {
        String[] parts = value.strip().split("[ T]", 2);
        if (parts.length == 2 && parts[1].matches("\\d{2}:\\d{2}")) {
            try {
                LocalTime t = LocalTime.parse(parts[1]);
                return date(parts[0]).atTime(t);
            } catch (DateTimeException | TypeConversionException e) {
                // reported below
            }
        }
        throw new TypeConversionException("'" + shown(value) + "' không phải ngày giờ hợp lệ: cần dạng \"YYYY-MM-DD HH:mm\" "
                + "(giờ Việt Nam), ví dụ \"2026-06-01 07:30\" / not a valid date and time: expected \"YYYY-MM-DD HH:mm\"");
    }

    static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + shown(value) + "' không phải số nguyên (tối đa " + Integer.MAX_VALUE
                    + ") / not a whole number");
        }
    }

    static Long longInteger(String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + shown(value) + "' không phải số nguyên / not a whole number");
        }
    }

    /** A flag's value when one is given ({@code --no-cache=false}): true or false, as picocli reads them. */
    static Boolean bool(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.valueOf(value);
        }
        throw new TypeConversionException("'" + shown(value) + "' không phải true hoặc false / not a boolean");
    }

    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + shown(value) + "' không phải đường dẫn hợp lệ / not a valid path");
        }
    }

    /** --threads: absent or below 1 means one per core (as before); more than {@link #MAX_THREADS} is refused. */
    static void threads(CommandSpec spec, Integer threads) {
        if (threads != null && threads > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + ": tối đa " + MAX_THREADS
                    + " luồng (bỏ trống: một luồng mỗi nhân CPU) / at most " + MAX_THREADS + " threads");
        }
    }

    /** A TCP port: 0 (any free port) to 65535. */
    static void port(CommandSpec spec, int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": cổng là số từ 0 đến 65535 (0: một cổng "
                    + "còn trống bất kỳ) / a port is a number from 0 to 65535");
        }
    }

    static void notNegative(CommandSpec spec, String option, Integer value) {
        if (value != null && value < 0) {
            throw new ParameterException(spec.commandLine(), option + " " + value + ": cần một số từ 0 trở lên / must not "
                    + "be negative");
        }
    }

    /** The value as it may be echoed to a terminal: control characters shown as '?'. */
    static String shown(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), 80));
        value.codePoints().limit(80).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.codePointCount(0, value.length()) > 80 ? sb + "…" : sb.toString();
    }
}
