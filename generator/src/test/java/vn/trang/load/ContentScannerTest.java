package vn.trang.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;

/**
 * What the scanner takes from content/: Markdown files as sources and everything else as
 * attachments, in sorted order, at any depth of a section; hidden files and everything under a
 * hidden folder left out; a symbolic link an error at the link, and left out.
 */
class ContentScannerTest {

    @Test
    void sourcesAndAttachmentsAtAnyDepthHiddenOnesLeftOut(@TempDir Path tmp) throws IOException {
        Fixture f = Fixture.standard(tmp)
                .news(Fixture.DEPT, "b", "B", "2025-01-02")
                .news(Fixture.DEPT, "a", "A", "2025-01-01")
                .write("content/" + Fixture.DEPT + "/tin-tuc/2025/c.md", Fixture.md("title: C\ndate: 2025-01-03", "c\n"))
                .write("content/" + Fixture.DEPT + "/tin-tuc/.nhap.md", Fixture.md("title: Nháp\ndate: 2025-01-04", "x\n"))
                .write("content/" + Fixture.DEPT + "/tin-tuc/.cu/d.md", Fixture.md("title: D\ndate: 2025-01-05", "d\n"))
                .write("content/" + Fixture.DEPT + "/van-ban/tep/quyet-dinh.pdf", "%PDF-1.4\n")
                .write("content/" + Fixture.DEPT + "/van-ban/.DS_Store", "x");
        Diagnostics d = new Diagnostics();
        SiteRegistry registry = new SiteRegistryLoader().load(f.path("sites"), f.root, d).orElseThrow();
        ContentSet set = new ContentScanner().scan(registry, f.path("content"), f.root, null, d);

        assertFalse(d.hasErrors(), d.list().toString());
        List<String> sources = set.sources().stream().map(SourceFile::display).toList();
        assertEquals(List.of(
                "content/" + Fixture.DEPT + "/tin-tuc/2025/c.md",
                "content/" + Fixture.DEPT + "/tin-tuc/a.md",
                "content/" + Fixture.DEPT + "/tin-tuc/b.md"), sources);
        assertEquals(List.of(Fixture.DEPT + "/van-ban/tep/quyet-dinh.pdf"),
                set.attachments().stream().map(Attachment::outputPath).toList());
        assertTrue(set.sources().stream().allMatch(s -> s.site().id().equals(s.display().split("/")[1])));
    }

    @Test
    void aSymbolicLinkIsAnErrorAtTheLinkAndNotTaken(@TempDir Path tmp) throws IOException {
        Fixture f = Fixture.standard(tmp).news(Fixture.DEPT, "a", "A", "2025-01-01");
        Path link = f.path("content/" + Fixture.COMMUNE + "/tin-tuc/lien-ket.md");
        Files.createDirectories(link.getParent());
        // Even to a file of the same repository: a link is never read.
        Files.createSymbolicLink(link, f.path("content/" + Fixture.DEPT + "/tin-tuc/a.md"));
        Diagnostics d = new Diagnostics();
        SiteRegistry registry = new SiteRegistryLoader().load(f.path("sites"), f.root, d).orElseThrow();
        ContentSet set = new ContentScanner().scan(registry, f.path("content"), f.root, null, d);
        Diags.singleError(d, "content/" + Fixture.COMMUNE + "/tin-tuc/lien-ket.md", 1, 1, "liên kết tượng trưng");
        assertEquals(List.of("content/" + Fixture.DEPT + "/tin-tuc/a.md"), set.sources().stream().map(SourceFile::display).toList());
        assertEquals(List.of(), set.attachments());
    }
}
