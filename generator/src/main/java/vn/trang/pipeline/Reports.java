package vn.trang.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import vn.trang.check.InternalLinks;
import vn.trang.check.SiteChecker;
import vn.trang.diag.Diagnostics;
import vn.trang.link.UnresolvedCitation;
import vn.trang.render.Output;
import vn.trang.text.Csv;

/** Files for editors and for {@code trang check}, written with the output but linked from no page. */
final class Reports {

    private Reports() {
    }

    /**
     * Writes the reports into {@code staging}.
     *
     * @param planned every output planned (paths and origins only)
     * @return how many files were written
     */
    static int write(Path staging, List<UnresolvedCitation> unresolved, List<Output> planned, Diagnostics d)
            throws IOException {
        return unresolved(unresolved, staging) + sources(planned, staging) + warnings(d, staging);
    }

    /**
     * After the build: the spilled warnings' file is no longer needed once the output has the
     * report; a build that failed with spilled warnings writes them to a temporary file instead
     * (the output stays as it was), so the user can still read every one.
     */
    static void finish(boolean ok, BuildContext ctx) {
        Diagnostics d = ctx.diagnostics();
        if (d.spilledCount() == 0) {
            return;
        }
        if (ok) {
            Path report = ctx.out().resolve(Diagnostics.REPORT);
            d.reportWrittenTo((report.startsWith(ctx.root()) ? ctx.root().relativize(report) : report).toString());
        } else {
            try {
                Path tmp = Files.createTempFile("trang-canh-bao-", ".txt");
                d.writeReport(tmp);
                d.reportWrittenTo(tmp.toString());
            } catch (IOException e) {
                d.reportWrittenTo(null);
            }
        }
        d.discardSpill();
    }

    /** Numbers cited but not in the catalog. */
    private static int unresolved(List<UnresolvedCitation> unresolved, Path staging) throws IOException {
        Csv csv = new Csv().row(List.of("so_hieu", "ngay_dan", "tep", "dong", "trang"));
        for (UnresolvedCitation u : unresolved) {
            csv.row(Arrays.asList(u.number(), u.date() == null ? "" : u.date().toString(), u.source(),
                    String.valueOf(u.line()), u.citedFrom()));
        }
        Path file = staging.resolve(Builder.UNRESOLVED_REPORT);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return 1;
    }

    /** Which content file each page comes from, so {@code trang check} can point at the source line. */
    private static int sources(List<Output> outputs, Path staging) throws IOException {
        StringBuilder sb = new StringBuilder("# trang\tnguon\tthu-muc\n");
        for (Output o : outputs) {
            if (o.origin() != null && o.origin().endsWith(".md")) {
                sb.append(o.path()).append('\t').append(o.origin()).append('\t')
                        .append(o.site() == null ? "" : InternalLinks.folderUrl(o.origin(), o.site()))
                        .append('\n');
            }
        }
        Path file = staging.resolve(SiteChecker.SOURCES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return 1;
    }

    /**
     * Every warning so far, in the terminal's format (file:line:column first), sorted: the
     * terminal lists only the first {@link Diagnostics#DEFAULT_KEEP} (a province can have hundreds
     * of thousands), this file has them all. Written when there is any.
     */
    private static int warnings(Diagnostics d, Path staging) throws IOException {
        if (d.warningCount() == 0 && d.errorCount() == 0) {
            return 0;
        }
        d.writeReport(staging.resolve(Diagnostics.REPORT));
        return 1;
    }
}
