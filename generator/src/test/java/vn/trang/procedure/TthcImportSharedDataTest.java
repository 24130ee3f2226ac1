package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/**
 * {@code trang import tthc} on the first 300 records of the national portal's data in
 * ../shared/data (third-party data, never copied into the repository): every procedure a
 * province, district or commune carries out is imported but for at most 3 %, and what is imported
 * builds without errors. Skipped when ../shared is not there (a user's clone); a worktree that
 * keeps it elsewhere names it with -Dtrang.shared=DIR.
 */
class TthcImportSharedDataTest {

    static final Path DATA = Path.of(System.getProperty("trang.shared",
                    Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize().resolve("../shared").toString()))
            .toAbsolutePath().normalize().resolve("data/tthc-dichvucong.jsonl.gz");

    @TempDir
    Path tmp;

    @Test
    void atLeast97PercentOfTheLocalProceduresInTheFirst300RecordsAreImported() throws IOException {
        assumeTrue(Files.isRegularFile(DATA), "no ../shared/data/tthc-dichvucong.jsonl.gz in this checkout");
        Fixture f = Fixture.standard(tmp);
        StringWriter log = new StringWriter();
        TthcImporter.Summary s = new TthcImporter(new TthcImporter.Options(f.root, Procedures.registry(f).portal(), false, 300),
                new PrintWriter(log, true)).run(DATA);
        int local = s.read() - s.skipped().getOrDefault("cap", 0);
        System.out.printf("tthc: %d of %d local records imported (%.1f %%), %d with warnings%n", s.converted(), local,
                100.0 * s.converted() / local, s.withWarnings());
        assertEquals(300, s.read());
        assertEquals(172, local, "records of Cấp tỉnh, Cấp huyện or Cấp xã among the first 300");
        assertTrue(s.converted() >= Math.ceil(0.97 * local), log::toString);

        BuildResult b = f.build();
        assertEquals(0, b.diagnostics().errorCount(), () -> Diags.dump(b.diagnostics()));
    }
}
