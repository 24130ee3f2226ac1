package vn.trang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * A throw-away Trang project in a temp folder: {@code sites/*.yml} and {@code content/} written
 * by the test, {@code themes/default} copied from the real theme so the real templates are used.
 *
 * <pre>
 * Fixture f = Fixture.standard(tmp);             // portal tinh, department so-a, commune xa-b
 * f.news("so-a", "hoi-nghi", "Hội nghị", "2025-03-14 08:30");
 * BuildResult r = f.build();
 * </pre>
 */
public final class Fixture {

    /** The repository root (Surefire sets trang.root). */
    public static final Path REPO = Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize();
    public static final Path THEME = REPO.resolve("themes/default");

    public static final String PORTAL = "tinh";
    public static final String DEPT = "so-a";
    public static final String COMMUNE = "xa-b";
    public static final String PORTAL_HOST = "tinh.example.vn";

    public final Path root;

    private Fixture(Path root) {
        this.root = root;
    }

    /** An empty project (sites/ and content/ folders, the real theme), no sites yet. */
    public static Fixture empty(Path dir) {
        Fixture f = new Fixture(dir.toAbsolutePath().normalize());
        try {
            Files.createDirectories(f.root.resolve("sites"));
            Files.createDirectories(f.root.resolve("content"));
            copyTree(THEME, f.root.resolve("themes/default"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Portal {@value #PORTAL}, department {@value #DEPT}, commune {@value #COMMUNE}; no content. */
    public static Fixture standard(Path dir) {
        return empty(dir)
                .write("sites/" + PORTAL + ".yml", portalYaml())
                .write("sites/" + DEPT + ".yml", unitYaml("Sở Thử Nghiệm", "department", PORTAL, "/" + DEPT + "/"))
                .write("sites/" + COMMUNE + ".yml", unitYaml("Xã Bình Yên", "commune", PORTAL, "/" + COMMUNE + "/"));
    }

    public static String portalYaml() {
        return """
                name: Cổng Thông tin điện tử tỉnh Thử
                short_name: UBND
                kind: portal
                path: /
                host: %s
                address: Số 1 đường Lý Thái Tổ, tỉnh Thử
                phone: "0222 3000 001"
                email: congthongtin@tinh.example.vn
                leaders:
                  - name: Nguyễn Văn Chủ
                    title: Chủ tịch UBND tỉnh
                    phone: "0222 3000 002"
                """.formatted(PORTAL_HOST);
    }

    /** A valid unit registry file; phone and email are derived from the id so each unit differs. */
    public static String unitYaml(String name, String kind, String parent, String path) {
        String id = path.replace("/", "");
        return """
                name: %s
                kind: %s
                parent: %s
                path: %s
                address: Số 5 phố %s, tỉnh Thử
                phone: "0222 %04d"
                email: vanphong@%s.example.vn
                leaders:
                  - name: Trần Thị Lãnh
                    title: Giám đốc
                """.formatted(name, kind, parent, path, id, Math.abs(id.hashCode()) % 10000, id);
    }

    /** Writes a UTF-8 text file relative to the root. */
    public Fixture write(String rel, String text) {
        return bytes(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    public Fixture bytes(String rel, byte[] content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Fixture delete(String rel) {
        try {
            Files.deleteIfExists(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Front matter from lines, then a body. */
    public static String md(String frontMatter, String body) {
        return "---\n" + frontMatter.stripTrailing() + "\n---\n" + body;
    }

    public Fixture news(String site, String name, String title, String date, String... extra) {
        return write("content/" + site + "/tin-tuc/" + name + ".md", md("title: \"" + title + "\"\ndate: " + date
                + "\nsummary: Tóm tắt của " + title + "\n" + String.join("\n", extra), "Nội dung tin " + title + ".\n"));
    }

    public Fixture document(String site, String name, String number, String docType, String issued, String... extra) {
        return write("content/" + site + "/van-ban/" + name + ".md", md("number: " + number + "\ndoc_type: " + docType
                + "\nissuer: Ủy ban nhân dân tỉnh Thử\nissued: " + issued + "\nsummary: Trích yếu văn bản " + number
                + "\n" + String.join("\n", extra), "Nội dung văn bản.\n"));
    }

    /**
     * A procedure at level toan-trinh (with an online_url unless {@code extra} gives one, or
     * another level), one step, one direct channel and updated today unless {@code extra} gives them.
     */
    public Fixture procedure(String site, String name, String title, String code, String... extra) {
        String more = String.join("\n", extra);
        boolean hasLevel = more.matches("(?s)(.*\n)?level:.*");
        String level = hasLevel ? "" : "level: toan-trinh\n";
        String url = more.contains("online_url:") || hasLevel ? ""
                : "online_url: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=" + code + "\n";
        String steps = more.contains("steps:") ? "" : "steps:\n  - Nộp hồ sơ.\n";
        String channels = more.contains("channels:") ? "" : "channels:\n  - type: truc-tiep\n    processing_time: 20 ngày làm việc\n";
        // Reviewed today, so the review report (stale procedures) has nothing to say about it.
        String updated = more.contains("updated:") ? ""
                : "updated: " + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + "\n";
        return write("content/" + site + "/thu-tuc/" + name + ".md", md("title: " + title + "\ncode: \"" + code
                + "\"\nfield: Hoạt động xây dựng\n" + level + url + steps + channels + updated + more, "Ghi chú thủ tục.\n"));
    }

    public Fixture page(String site, String name, String title, String... extra) {
        return write("content/" + site + "/trang/" + name + ".md",
                md("title: " + title + "\n" + String.join("\n", extra), "Nội dung trang " + title + ".\n"));
    }

    public Path out() {
        return root.resolve("public");
    }

    public BuildResult build() {
        return build(out());
    }

    public BuildResult build(Path out) {
        return new Builder().build(new BuildOptions(root, out, null, "default", 2));
    }

    public Path path(String rel) {
        return root.resolve(rel);
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
