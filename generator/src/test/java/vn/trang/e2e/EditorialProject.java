package vn.trang.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.git.GitFixture;
import vn.trang.git.GitFixture.Person;
import vn.trang.git.Verifier;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * A small province in a real Git repository (JGit, branch main) as an editorial board uses it:
 * the portal with its admin, the department so-a with its editor and its reviewer (trưởng ban
 * biên tập), the commune xa-b with its own editor; one legal document in the catalog, for a
 * relation to name. The browser editor's packages are the repository's {@code editor/node_modules}
 * (linked, and ignored by Git as in a real project), so the build publishes Decap's script.
 */
final class EditorialProject implements AutoCloseable {

    static final Person EDITOR = GitFixture.EDITOR_A;
    static final Person REVIEWER = new Person("Lê Trưởng Ban", "truongban@so-a.example.vn");
    static final Person OTHER_UNITS_EDITOR = GitFixture.EDITOR_B;
    /** The document already in the catalog. */
    static final String CATALOG_NUMBER = "06/CT-UBND";
    static final String CATALOG_SUMMARY = "Về tăng cường công tác chuyển đổi số";

    final GitFixture git;
    /** The admin's last commit: what `trang verify` checks starts after it. */
    final RevCommit since;

    private EditorialProject(GitFixture git, RevCommit since) {
        this.git = git;
        this.since = since;
    }

    static EditorialProject create(Path dir) {
        GitFixture g = GitFixture.create(dir);
        String unit = g.textAt(head(g), "sites/" + Fixture.DEPT + ".yml");
        g.write("sites/" + Fixture.DEPT + ".yml", unit + "reviewers:\n  - name: " + REVIEWER.name()
                + "\n    email: " + REVIEWER.email() + "\n");
        g.f.document(Fixture.DEPT, "06-ct-ubnd", CATALOG_NUMBER, "Chỉ thị", "2026-01-02",
                "title: Chỉ thị " + CATALOG_SUMMARY.toLowerCase());
        g.write(".gitignore", g.textAt(head(g), ".gitignore") + "/editor/node_modules\n/.trang-cache/\n");
        try {
            Path modules = g.root.resolve("editor/node_modules");
            Files.createDirectories(modules.getParent());
            Files.createSymbolicLink(modules, Fixture.REPO.resolve("editor/node_modules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RevCommit since = g.commit(GitFixture.ADMIN, "Trưởng ban biên tập và văn bản đầu tiên");
        return new EditorialProject(g, since);
    }

    Path root() {
        return git.root;
    }

    /**
     * Builds main's working tree into {@code out} at the clock {@code now}, with every site's
     * editor talking to the local backend at {@code apiUrl} (null: as built for production).
     */
    BuildResult build(Path out, LocalDateTime now, String apiUrl) {
        BuildOptions options = BuildOptions.defaults(root(), out).withThreads(2).withNow(now);
        BuildResult r = new Builder().build(apiUrl == null ? options : options.withEditorBackend(apiUrl));
        if (!r.ok()) {
            throw new AssertionError("the project does not build: " + Diags.dump(r.diagnostics()));
        }
        return r;
    }

    /** {@code trang verify} of main since the admin's setup. */
    Verifier.Outcome verify() {
        return new Verifier(root(), null).verify(since.name(), "main", Map.of());
    }

    /** Each violation as "file rule", sorted. */
    static List<String> violations(Verifier.Outcome o) {
        return o.report() == null ? List.of("(" + Diags.dump(o.diagnostics()) + ")")
                : o.report().violations().stream().map(v -> v.file() + " " + v.rule()).sorted().toList();
    }

    static String dump(Verifier.Outcome o) {
        StringBuilder sb = new StringBuilder(Diags.dump(o.diagnostics()));
        if (o.report() != null) {
            o.report().violations().forEach(v -> sb.append(v.format()).append('\n'));
        }
        return sb.toString();
    }

    private static ObjectId head(GitFixture g) {
        try {
            return g.git.getRepository().resolve("HEAD");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
