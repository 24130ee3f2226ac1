package vn.trang.render;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/**
 * Renders planned outputs to files, in parallel. A template error is reported once per template
 * position (not once per page), with the page that first hit it.
 */
public final class Renderer {

    private final Theme theme;
    private final Path themeDisplay;
    private final int threads;

    /**
     * @param themeDisplay how the theme folder is shown in diagnostics (relative to the root)
     */
    public Renderer(Theme theme, Path themeDisplay, int threads) {
        this.theme = theme;
        this.themeDisplay = themeDisplay;
        this.threads = threads;
    }

    /** Fails on two outputs with the same path, naming both sources: URLs must be unique. */
    public static boolean checkCollisions(List<Output> outputs, Diagnostics d) {
        Map<String, Output> seen = new HashMap<>();
        boolean ok = true;
        for (Output o : outputs) {
            Output prev = seen.putIfAbsent(o.path(), o);
            if (prev != null) {
                ok = false;
                String url = "/" + o.path().replaceFirst("index\\.html$", "");
                // Point at a content file when there is one: that is what the editor can change.
                Output at = !isContent(o) && isContent(prev) ? prev : o;
                Output other = at == o ? prev : o;
                d.error(SourcePos.of(at.origin()), "đường dẫn " + url + " trùng với " + describe(other),
                        "mỗi bài một đường dẫn riêng", "đổi tiêu đề hoặc thêm dòng slug: <duong-dan-khac> vào "
                                + (isContent(other) ? "một trong hai tệp" : "tệp này"));
            }
        }
        return ok;
    }

    private static boolean isContent(Output o) {
        return o.origin().endsWith(".md");
    }

    /** A content file by its path; a generated page by what it is and where it comes from. */
    private static String describe(Output o) {
        if (isContent(o)) {
            return o.origin();
        }
        String what = o.template() == null ? "tệp dữ liệu xuất" : switch (o.template()) {
            case "list.ftlh" -> "trang danh sách chuyên mục";
            case "home.ftlh", "portal.ftlh" -> "trang chủ của " + o.site().name();
            case "units.ftlh" -> "trang danh bạ đơn vị";
            default -> "trang " + o.template();
        };
        return what + " (tạo tự động, khai báo ở " + o.origin() + ")";
    }

    /** @return the number of files written */
    public int render(List<Output> outputs, Path outDir, Diagnostics d) {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        AtomicInteger written = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> outputs.parallelStream().forEach(o -> {
                if (renderOne(o, outDir, d, reported)) {
                    written.incrementAndGet();
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bị ngắt khi đang tạo trang", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("lỗi khi tạo trang: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return written.get();
    }

    private boolean renderOne(Output o, Path outDir, Diagnostics d, Set<String> reported) {
        Path target = outDir.resolve(o.path());
        try {
            if (o.text() != null) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, o.text(), StandardCharsets.UTF_8);
                return true;
            }
            Template template = theme.configuration(o.site()).getTemplate(o.template());
            Files.createDirectories(target.getParent());
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target),
                    StandardCharsets.UTF_8), 1 << 15)) {
                template.process(o.model(), w);
            }
            return true;
        } catch (TemplateNotFoundException e) {
            if (reported.add("missing:" + o.template())) {
                d.error(SourcePos.of(themeDisplay.resolve("templates").resolve(o.template()).toString()),
                        "giao diện thiếu mẫu " + o.template() + " (cần cho " + o.origin() + ")",
                        "tệp templates/" + o.template() + " trong giao diện", "thêm mẫu này vào giao diện hoặc khôi phục từ themes/default");
            }
        } catch (ParseException e) {
            if (reported.add("parse:" + e.getTemplateName() + ":" + e.getLineNumber())) {
                d.error(new SourcePos(templatePath(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber()),
                        "mẫu giao diện sai cú pháp: " + firstLine(e.getEditorMessage()), "cú pháp FreeMarker hợp lệ",
                        "sửa mẫu tại vị trí này");
            }
        } catch (TemplateException e) {
            String key = "tpl:" + e.getTemplateSourceName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
            if (reported.add(key)) {
                d.error(new SourcePos(templatePath(e.getTemplateSourceName()), e.getLineNumber() == null ? 0 : e.getLineNumber(),
                                e.getColumnNumber() == null ? 0 : e.getColumnNumber()),
                        "lỗi mẫu giao diện khi tạo " + o.origin() + ": " + firstLine(e.getMessageWithoutStackTop()),
                        "mẫu chỉ dùng dữ liệu có trong docs/THEME.md; giá trị có thể trống phải kiểm tra bằng ?? hoặc !",
                        "sửa mẫu tại vị trí này");
            }
        } catch (IOException e) {
            d.error(SourcePos.of(target.toString()), "không ghi được tệp: " + e.getMessage(), "thư mục đầu ra ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
        }
        return false;
    }

    private String templatePath(String name) {
        return name == null ? themeDisplay.toString() : themeDisplay.resolve("templates").resolve(name).toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "…" : line;
    }
}
