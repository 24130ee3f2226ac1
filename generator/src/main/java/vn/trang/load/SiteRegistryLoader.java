package vn.trang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.Site;

/**
 * Reads {@code sites/*.yml} into a {@link SiteRegistry}, reporting every problem: each file on its
 * own ({@link SiteFileReader}, against {@link SiteSchema}), then the rules between them
 * ({@link SiteTree}).
 */
public final class SiteRegistryLoader {

    /**
     * Loads every {@code *.yml} / {@code *.yaml} file of the folder.
     *
     * @param displayRoot paths in diagnostics are made relative to this folder
     * @return the registry, or empty when any error was reported
     */
    public Optional<SiteRegistry> load(Path sitesDir, Path displayRoot, Diagnostics d) {
        String dirName = display(displayRoot, sitesDir);
        if (InputFiles.isLink(sitesDir)) {
            InputFiles.reportLink(dirName, d);
            return Optional.empty();
        }
        if (!Files.isDirectory(sitesDir)) {
            d.error(SourcePos.of(dirName), "không tìm thấy thư mục khai báo trang",
                    "thư mục sites/ với mỗi trang một tệp <mã-trang>.yml", "tạo sites/tinh.yml cho cổng tỉnh");
            return Optional.empty();
        }
        long errorsBefore = d.errorCount();
        List<Path> files;
        try (Stream<Path> s = Files.list(sitesDir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            d.error(SourcePos.of(dirName), "không đọc được thư mục: " + e.getMessage(), null, null);
            return Optional.empty();
        }
        List<DeclaredSite> declared = new ArrayList<>();
        // Files that exist but could not be read: their error is reported; their ids still exist,
        // so children naming them as parent, and a possibly missing portal, are not reported again.
        Set<String> unreadable = new HashSet<>();
        for (Path f : files) {
            Optional<DeclaredSite> x;
            if (InputFiles.isLink(f)) {
                InputFiles.reportLink(display(displayRoot, f), d);
                x = Optional.empty();
            } else {
                x = SiteFileReader.read(f, display(displayRoot, f), d);
            }
            if (x.isPresent()) {
                declared.add(x.get());
            } else {
                String fileName = f.getFileName().toString();
                unreadable.add(fileName.substring(0, fileName.lastIndexOf('.')));
            }
        }
        boolean kindUnknown = declared.stream().anyMatch(x -> x.site().kind() == null);
        List<Site> sites = SiteTree.resolveUrls(declared, dirName, !unreadable.isEmpty() || kindUnknown, d);
        // Without a portal there is no tree to check: every parent check would repeat that one problem.
        if (!sites.isEmpty()) {
            SiteTree.validateTree(declared, unreadable, d);
        }
        if (d.errorCount() > errorsBefore || sites.isEmpty()) {
            return Optional.empty();
        }
        Site portal = sites.stream().filter(Site::portal).findFirst().orElseThrow();
        List<Site> ordered = new ArrayList<>();
        ordered.add(portal);
        sites.stream().filter(s -> !s.portal()).sorted(Comparator.comparing(Site::id)).forEach(ordered::add);
        return Optional.of(new SiteRegistry(ordered, portal));
    }

    /** A path as diagnostics show it: relative to {@code root} when it is below it. */
    public static String display(Path root, Path p) {
        try {
            return root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }
}
