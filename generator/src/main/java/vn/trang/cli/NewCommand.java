package vn.trang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.trang.diag.Diagnostics;
import vn.trang.load.InputFiles;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.Section;
import vn.trang.text.Slugs;

/** {@code trang new <type> --site ID "Title"}: a new content file from the theme's archetype. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Tạo tệp nội dung mới từ mẫu của giao diện.",
                "Tệp mới liệt kê mọi trường kèm chú thích; tên tệp lấy từ tiêu đề, in ra khi đã tạo."})
final class NewCommand implements Callable<Integer> {

    private static final Map<String, Section> TYPES = Map.of(
            "tin-tuc", Section.NEWS, "news", Section.NEWS,
            "van-ban", Section.DOCUMENTS, "document", Section.DOCUMENTS,
            "thu-tuc", Section.PROCEDURES, "procedure", Section.PROCEDURES,
            "trang", Section.PAGES, "page", Section.PAGES);

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "TYPE",
            description = "Loại nội dung: tin-tuc (news), van-ban (document), thu-tuc (procedure), trang (page)")
    String type;

    @Parameters(index = "1", paramLabel = "TITLE", description = "Tiêu đề, ví dụ \"Hội nghị tổng kết năm 2026\"")
    String title;

    @Option(names = "--site", required = true, paramLabel = "ID", description = "Mã trang (tên tệp trong sites/)")
    String site;

    @Option(names = "--theme", paramLabel = "NAME", defaultValue = "default", description = "Giao diện lấy mẫu. Mặc định: ${DEFAULT-VALUE}")
    String theme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Section section = TYPES.get(type);
        if (section == null) {
            err.println("trang new: loại '" + type + "' không có; dùng tin-tuc, van-ban, thu-tuc hoặc trang");
            return TrangCommand.USAGE;
        }
        Path root = common.root.toAbsolutePath().normalize();
        Diagnostics d = new Diagnostics();
        Optional<SiteRegistry> registry = new SiteRegistryLoader().load(root.resolve("sites"), root, d);
        if (registry.isEmpty()) {
            d.list().forEach(x -> err.println(x.format()));
            return TrangCommand.CONTENT_ERRORS;
        }
        if (registry.get().byId(site).isEmpty()) {
            err.println("trang new: không có trang '" + site + "' trong sites/");
            return TrangCommand.USAGE;
        }
        String slug = Slugs.slugify(title);
        if (slug.isEmpty()) {
            err.println("trang new: tiêu đề cần có chữ hoặc số");
            return TrangCommand.USAGE;
        }
        Path archetype = root.resolve("themes").resolve(theme).resolve("archetypes").resolve(section.folder() + ".md");
        if (!Files.isRegularFile(archetype)) {
            err.println("trang new: giao diện thiếu mẫu " + root.relativize(archetype));
            return TrangCommand.CONTENT_ERRORS;
        }
        // What a link points to would land in the editor's new file, and be committed and published.
        if (InputFiles.linkOnPath(root, archetype).isPresent()) {
            err.println("trang new: mẫu " + root.relativize(archetype) + " là liên kết tượng trưng (symlink), không đọc");
            return TrangCommand.CONTENT_ERRORS;
        }
        Path target = root.resolve("content").resolve(site).resolve(section.folder()).resolve(slug + ".md");
        if (Files.exists(target)) {
            err.println("trang new: tệp đã có, không ghi đè: " + root.relativize(target));
            return TrangCommand.CONTENT_ERRORS;
        }
        LocalDateTime now = LocalDateTime.now(vn.trang.text.DateFormats.VIETNAM);
        String text = new String(InputFiles.readAllBytes(archetype), StandardCharsets.UTF_8)
                .replace("{{title}}", yamlQuote(title))
                .replace("{{datetime}}", "\"" + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "\"")
                .replace("{{date}}", now.toLocalDate().toString())
                .replace("{{site}}", site);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
        out.println(root.relativize(target));
        return TrangCommand.OK;
    }

    /** A YAML double-quoted scalar. */
    static String yamlQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
