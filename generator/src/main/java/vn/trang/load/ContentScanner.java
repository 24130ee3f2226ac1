package vn.trang.load;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * Finds the content files of every site: {@code content/<site-id>/<section>/**}. Anything that
 * does not fit (a folder for an unknown site, an unknown section, a Markdown file outside a
 * section) is an error rather than silently ignored: editors must see why a page is missing. So
 * is a symbolic link, to a file or a folder: it is reported and nothing behind it is read
 * ({@link InputFiles}).
 */
public final class ContentScanner {

    /**
     * @param only when non-null, scan only this site's folder
     */
    public ContentSet scan(SiteRegistry registry, Path contentDir, Path displayRoot, String only, Diagnostics d) {
        List<SourceFile> sources = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        if (InputFiles.isLink(contentDir)) {
            InputFiles.reportLink(SiteRegistryLoader.display(displayRoot, contentDir), d);
            return new ContentSet(registry, sources, attachments);
        }
        if (!Files.isDirectory(contentDir)) {
            d.error(SourcePos.of(SiteRegistryLoader.display(displayRoot, contentDir)), "không tìm thấy thư mục nội dung",
                    "thư mục content/ với mỗi trang một thư mục con", "tạo content/" + registry.portal().id() + "/");
            return new ContentSet(registry, sources, attachments);
        }
        for (Path siteDir : list(contentDir, displayRoot, d)) {
            String name = siteDir.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            String shown = SiteRegistryLoader.display(displayRoot, siteDir);
            if (InputFiles.isLink(siteDir)) {
                InputFiles.reportLink(shown, d);
                continue;
            }
            if (!Files.isDirectory(siteDir)) {
                d.error(SourcePos.of(shown), "tệp nằm ngoài thư mục của trang nào",
                        "nội dung đặt trong content/<mã-trang>/<chuyên-mục>/", "chuyển tệp vào thư mục của một trang");
                continue;
            }
            Optional<Site> site = registry.byId(name);
            if (site.isEmpty()) {
                d.error(SourcePos.of(shown), "thư mục '" + name + "' không ứng với trang nào trong sites/",
                        "tên thư mục là mã một trang: " + registry.sites().stream().map(Site::id).collect(Collectors.joining(", ")),
                        "tạo sites/" + name + ".yml hoặc đổi tên thư mục");
                continue;
            }
            if (only != null && !only.equals(name)) {
                continue;
            }
            scanSite(site.get(), siteDir, displayRoot, sources, attachments, d);
        }
        sources.sort(Comparator.comparing(SourceFile::display));
        return new ContentSet(registry, sources, attachments);
    }

    private void scanSite(Site site, Path siteDir, Path displayRoot, List<SourceFile> sources,
                          List<Attachment> attachments, Diagnostics d) {
        for (Path child : list(siteDir, displayRoot, d)) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            String shown = SiteRegistryLoader.display(displayRoot, child);
            if (InputFiles.isLink(child)) {
                InputFiles.reportLink(shown, d);
                continue;
            }
            Optional<Section> section = Files.isDirectory(child) ? Section.byFolder(name) : Optional.empty();
            if (section.isEmpty()) {
                d.error(SourcePos.of(shown), Files.isDirectory(child)
                                ? "chuyên mục '" + name + "' không có"
                                : "tệp phải nằm trong một thư mục chuyên mục",
                        "một trong các thư mục: " + Arrays.stream(Section.values()).map(Section::folder)
                                .collect(Collectors.joining(", ")),
                        "chuyển vào thư mục đúng, ví dụ content/" + site.id() + "/tin-tuc/");
                continue;
            }
            // One stat per file (the walk's own); Files.walk then isRegularFile took two, and at
            // 10,000 files the scan was a tenth of a one-file edit's time.
            List<Path> files = new ArrayList<>();
            List<Path> links = new ArrayList<>();
            try {
                Files.walkFileTree(child, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(child) && dir.getFileName().toString().startsWith(".")
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                        // The walk does not follow links: a link, to a file or a folder, comes here as itself.
                        if (p.getFileName().toString().startsWith(".")) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isSymbolicLink()) {
                            links.add(p);
                        } else if (attrs.isRegularFile()) {
                            files.add(p);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                d.error(SourcePos.of(shown), "không đọc được thư mục: " + e.getMessage(), null, null);
                continue;
            }
            links.sort(null);
            for (Path p : links) {
                InputFiles.reportLink(SiteRegistryLoader.display(displayRoot, p), d);
            }
            files.sort(null);
            for (Path p : files) {
                String file = p.getFileName().toString();
                String display = SiteRegistryLoader.display(displayRoot, p);
                if (file.endsWith(".md")) {
                    sources.add(new SourceFile(site, section.get(), p, display));
                } else {
                    String rel = siteDir.relativize(p).toString().replace('\\', '/');
                    attachments.add(new Attachment(site, p, site.path().substring(1) + rel));
                }
            }
        }
    }

    private static List<Path> list(Path dir, Path displayRoot, Diagnostics d) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            d.error(SourcePos.of(SiteRegistryLoader.display(displayRoot, dir)), "không đọc được thư mục: " + e.getMessage(),
                    null, null);
            return List.of();
        }
    }
}
