package vn.trang.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import picocli.CommandLine;

/**
 * What {@code trang --version} prints: the project version and the Git commit the jar was built
 * from, then the Java runtime (the two things a bug report needs first).
 *
 * <p>Maven writes both into {@code version.properties} when it builds the jar (resource filtering;
 * the commit comes from the {@code git-commit} profile of generator/pom.xml). Built outside Git,
 * from a source archive, the commit stays a Maven placeholder and is printed as unknown; run from
 * classes Maven did not process (an IDE), so is the version.
 */
final class TrangVersion implements CommandLine.IVersionProvider {

    static final String RESOURCE = "version.properties";

    /** The build's facts; null where unknown. */
    record Info(String version, String commit, String commitDate, boolean dirty) {

        /** Reads the properties Maven filled in; a value still in placeholder form is unknown. */
        static Info of(Properties p) {
            return new Info(known(p, "version"), known(p, "commit"), known(p, "commit.date"),
                    "true".equals(known(p, "dirty")));
        }

        private static String known(Properties p, String key) {
            String v = p.getProperty(key, "").strip();
            return v.isEmpty() || v.contains("${") ? null : v;
        }

        /** One line, e.g. {@code trang 0.1.0 (commit 762d6fb, 2026-12-07)}. */
        String line() {
            String commitText;
            if (commit == null) {
                commitText = "commit không rõ / unknown commit";
            } else {
                commitText = "commit " + commit + (commitDate == null ? "" : ", " + commitDate)
                        + (dirty ? ", có sửa đổi chưa commit / uncommitted changes" : "");
            }
            return "trang " + (version == null ? "(phiên bản không rõ / unknown version)" : version) + " (" + commitText + ")";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {read().line(), runtime()};
    }

    /** The facts of the running jar (or classes). */
    static Info read() {
        Properties p = new Properties();
        try (InputStream in = TrangVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Info.of(p);
    }

    static String runtime() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
