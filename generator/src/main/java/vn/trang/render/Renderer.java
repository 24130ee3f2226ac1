package vn.trang.render;

import java.io.IOException;
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

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.ParallelWriter;

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

    /** Where rendered pages go: files under a folder, or the build cache's staging. */
    public interface Sink {
        /** Takes one rendered output; may hand the bytes to another thread. */
        void accept(Output output, byte[] bytes, Diagnostics d);
    }

    /**
     * Renders every output into {@code outDir}: pages are rendered on {@code threads} threads
     * and written by a pool of writer threads (file creation waits on the disk, rendering on the
     * CPU; see {@link ParallelWriter}).
     *
     * @return the number of files written
     */
    public int render(List<Output> outputs, Path outDir, Diagnostics d) {
        AtomicInteger failed = new AtomicInteger();
        int n;
        try (ParallelWriter w = new ParallelWriter()) {
            n = render(outputs, (o, bytes, dd) -> w.write(outDir.resolve(o.path()), bytes, null, (file, e) -> {
                failed.incrementAndGet();
                dd.error(SourcePos.of(file.toString()), "không ghi được tệp: " + e.getMessage(), "thư mục đầu ra ghi được",
                        "kiểm tra quyền ghi và dung lượng đĩa");
            }), d, null);
            w.await();
        } catch (IOException e) {
            d.error(SourcePos.of(outDir.toString()), "không ghi được tệp: " + e.getMessage(), "thư mục đầu ra ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
            return 0;
        }
        return n - failed.get();
    }

    /**
     * Renders outputs in parallel and hands each one's bytes to {@code sink}.
     *
     * @param progress told of each output done (rendered or failed), may be null
     * @return the number of outputs rendered
     */
    public int render(List<Output> outputs, Sink sink, Diagnostics d, Runnable progress) {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        AtomicInteger rendered = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> outputs.parallelStream().forEach(o -> {
                byte[] bytes = renderOne(o, d, reported);
                if (bytes != null) {
                    sink.accept(o, bytes, d);
                    rendered.incrementAndGet();
                }
                if (progress != null) {
                    progress.run();
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
        return rendered.get();
    }

    /** A reusable character buffer per rendering thread: pages are rendered to memory, then written. */
    private static final ThreadLocal<StringBuilderWriter> BUFFERS = ThreadLocal.withInitial(StringBuilderWriter::new);

    private static final class StringBuilderWriter extends java.io.Writer {
        final StringBuilder sb = new StringBuilder(1 << 16);

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public java.io.Writer append(CharSequence csq) {
            sb.append(csq);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** One output's bytes (UTF-8), or null after reporting why it could not be rendered. */
    public byte[] renderOne(Output o, Diagnostics d, Set<String> reported) {
        try {
            if (o.streamed() != null) {
                return o.content().getBytes(StandardCharsets.UTF_8);
            }
            if (o.text() != null) {
                // As Files.writeString: text that is not valid UTF-16 is an error, not a '?'.
                java.nio.ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(java.nio.CharBuffer.wrap(o.text()));
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            }
            Template template = theme.configuration(o.site()).getTemplate(o.template());
            StringBuilderWriter w = BUFFERS.get();
            w.sb.setLength(0);
            template.process(o.view(), w);
            byte[] out = w.sb.toString().getBytes(StandardCharsets.UTF_8);
            if (w.sb.capacity() > (1 << 22)) {
                BUFFERS.remove(); // do not keep a huge page's buffer
            }
            return out;
        } catch (TemplateNotFoundException e) {
            if (reported.add("missing:" + o.template())) {
                d.error(SourcePos.of(themeDisplay.resolve("templates").resolve(o.template()).toString()),
                        "giao diện thiếu mẫu " + o.template() + " (cần cho " + o.origin() + ")",
                        "tệp templates/" + o.template() + " trong giao diện", "thêm mẫu này vào giao diện hoặc khôi phục từ themes/default");
            }
        } catch (ParseException e) {
            String file = templatePath(o, e.getTemplateName());
            if (reported.add("parse:" + file + ":" + e.getLineNumber())) {
                d.error(new SourcePos(file, e.getLineNumber(), e.getColumnNumber()),
                        "mẫu giao diện sai cú pháp: " + firstLine(e.getEditorMessage()), "cú pháp FreeMarker hợp lệ",
                        "sửa mẫu tại vị trí này");
            }
        } catch (TemplateException e) {
            // A name the view does not have (docs/THEME.md) ends here too, as a missing value.
            String file = templatePath(o, e.getTemplateSourceName());
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            if (reported.add("tpl:" + file + ":" + line + ":" + column)) {
                d.error(new SourcePos(file, line, column),
                        "lỗi mẫu giao diện khi tạo " + o.origin() + ": " + problem(e),
                        "mẫu chỉ dùng dữ liệu có trong docs/THEME.md; giá trị có thể trống phải kiểm tra bằng ?? hoặc !",
                        "sửa mẫu tại vị trí này");
            }
        } catch (IOException e) {
            d.error(SourcePos.of(o.path()), "không ghi được tệp: " + e.getMessage(), "thư mục đầu ra ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
        }
        return null;
    }

    /** The template file as diagnostics show it: the site's override, or the theme's. */
    private String templatePath(Output o, String name) {
        if (name == null) {
            return themeDisplay.toString();
        }
        Path file = theme.templateFile(o.site(), name);
        Path themes = theme.dir().getParent();
        if (themeDisplay.getParent() == null || themes == null || !file.startsWith(themes)) {
            return themeDisplay.resolve("templates").resolve(name).toString();
        }
        return themeDisplay.getParent().resolve(themes.relativize(file)).toString();
    }

    /** What went wrong in a template, naming the expression when it is a value that is not there. */
    private static String problem(TemplateException e) {
        String blamed = e.getBlamedExpressionString();
        if (e instanceof InvalidReferenceException && blamed != null) {
            return "không có giá trị " + blamed + " (không phải trường của dữ liệu mẫu này, hoặc trống)";
        }
        return firstLine(e.getMessageWithoutStackTop());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "…" : line;
    }
}
