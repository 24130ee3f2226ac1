package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.cache.Digest;
import vn.trang.diag.Diagnostics;

/** The link records kept for pages an incremental build does not render, so their links are still checked. */
class InternalLinksTest {

    @TempDir
    Path tmp;

    static final Digest A = new Digest(1, 2, 3, 4);
    static final Digest B = new Digest(5, 6, 7, 8);

    InternalLinks links(Path out) {
        return new InternalLinks(new LinkTargets(Set.of("tinh.example.vn"), List.of()), tmp, out, List.of(), List.of());
    }

    static byte[] html(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keptPagesTakeTheirLinksFromTheLastBuildOrTheirFile() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path store = tmp.resolve(InternalLinks.STORE);
        InternalLinks first = links(out);
        first.rendered("a/index.html", A, html("<a href=\"/b/#muc\">b</a><a href=\"https://tinh.example.vn/c/\">c</a>"));
        first.rendered("b/index.html", B, html("<h2 id=\"muc\">M</h2>"));
        first.rendered("c/index.html", B, html("<main id=\"main\"></main>"));
        Set<String> files = Set.of("a/index.html", "b/index.html", "c/index.html");
        assertTrue(first.check(files::contains, List.of(), new Diagnostics()));
        first.save(store);

        // Next build: a is kept (same fingerprint: its record), c is gone.
        InternalLinks next = links(out);
        next.load(store, new vn.trang.cache.CacheDamage(tmp));
        next.kept("a/index.html", A);
        next.rendered("b/index.html", B, html("<h2 id=\"muc\">M</h2>"));
        Diagnostics d = new Diagnostics();
        assertFalse(next.check(Set.of("a/index.html", "b/index.html")::contains, List.of(), d));
        assertEquals(1, d.errorCount(), d::summary);
        assertTrue(d.list().get(0).message().contains("/c/"), d.list().get(0)::format);
        assertTrue(next.summary().contains("1 theo lần trước"), next.summary());

        // A record of another fingerprint is not trusted: the kept file is read again.
        Files.createDirectories(out.resolve("a"));
        Files.write(out.resolve("a/index.html"), html("<a href=\"/b/#khac\">b</a>"));
        InternalLinks third = links(out);
        third.load(store, new vn.trang.cache.CacheDamage(tmp));
        third.kept("a/index.html", B);
        third.rendered("b/index.html", B, html("<h2 id=\"muc\">M</h2>"));
        Diagnostics d3 = new Diagnostics();
        assertFalse(third.check(Set.of("a/index.html", "b/index.html")::contains, List.of(), d3));
        assertTrue(d3.list().get(0).message().contains("neo #khac"), d3.list().get(0)::format);
        assertTrue(third.summary().contains("1 đọc lại"), third.summary());
    }

    @Test
    void manyBrokenLinksAreReportedBriefly() {
        InternalLinks l = links(tmp);
        for (int i = 0; i < 300; i++) {
            l.rendered("p" + i + "/index.html", A, html("<a href=\"/mat/\">x</a><a href=\"/mat-" + i + "/\">y</a>"));
        }
        Diagnostics d = new Diagnostics();
        assertFalse(l.check(p -> p.startsWith("p"), List.of(), d));
        // one target linked from 300 pages: 5 of them; 300 targets: the first ones, then a count
        assertEquals(InternalLinks.MAX_ERRORS + 1, d.errorCount());
        assertTrue(d.list().stream().anyMatch(x -> x.message().contains("/mat/") && x.message().contains("và 295 trang khác")),
                d::summary);
        assertTrue(d.list().stream().anyMatch(x -> x.message().contains("còn 500 liên kết hỏng khác")), d::summary);
    }
}
