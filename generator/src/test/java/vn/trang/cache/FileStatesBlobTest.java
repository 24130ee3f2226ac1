package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file record is trusted unread ({@code --since}) only when it carries the Git blob id
 * Git has for the file now; the ids are Git's own and survive {@code state.bin}.
 */
class FileStatesBlobTest {

    @Test
    void blobIdIsGitsId() {
        byte[] b = "Nội dung\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, b), FileStates.blobId(b));
        assertEquals(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, new byte[0]),
                FileStates.blobId(new byte[0]));
    }

    @Test
    void aSymbolicLinkIsNoFileAndIsNeverRead(@TempDir Path tmp) throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.env"), "TOKEN=bi-mat\n");
        Path link = Files.createSymbolicLink(tmp.resolve("qd.pdf"), secret);
        FileStates.Read r = FileStates.empty().read(link, true);
        assertEquals(FileStates.MISSING, r.digest());
        assertNull(r.bytes());
    }

    @Test
    void onlyARecordWithGitsBlobIdIsTrusted(@TempDir Path tmp) throws IOException {
        Path content = tmp.resolve("a.md");
        Path other = tmp.resolve("b.pdf");
        Files.writeString(content, "bản đã dựng", StandardCharsets.UTF_8);
        Files.writeString(other, "tệp đính kèm", StandardCharsets.UTF_8);
        FileStates first = FileStates.empty();
        Digest d = first.read(content, true).digest();
        first.read(other); // no blob id: never trusted unread
        Map<String, FileStates.State> saved = roundTrip(first);
        ObjectId built = FileStates.blobId(Files.readAllBytes(content));
        assertEquals(built, saved.get(content.toString()).blob());
        assertNull(saved.get(other.toString()).blob());

        assertTrue(new FileStates(saved).trust(content, built));
        FileStates next = new FileStates(saved);
        assertTrue(next.trust(content, built));
        assertEquals(d, next.digest(content));
        assertEquals(built, roundTrip(next).get(content.toString()).blob(), "a trusted record keeps its blob id");

        ObjectId committed = FileStates.blobId("bản đã commit".getBytes(StandardCharsets.UTF_8));
        assertFalse(new FileStates(saved).trust(content, committed), "recorded from other bytes than Git has");
        assertFalse(new FileStates(saved).trust(content, null), "Git has no id for the file");
        assertFalse(new FileStates(saved).trust(other, FileStates.blobId(Files.readAllBytes(other))));
        assertFalse(new FileStates(saved).trust(tmp.resolve("c.md"), built), "no record");
    }

    @Test
    void aRecordWithoutBlobIdIsReadAgainWhenOneIsWanted(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("a.md");
        Files.writeString(f, "nội dung", StandardCharsets.UTF_8);
        FileStates s = FileStates.empty();
        s.read(f); // as a dependency of another file first
        FileStates.Read r = s.read(f, true);
        assertNotNull(r.bytes(), "read again to compute the blob id");
        assertEquals(FileStates.blobId(r.bytes()), roundTrip(s).get(f.toString()).blob());
    }

    @Test
    void gitChangesGivesTheIndexBlobIdsOfContentFiles(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("kho/du-an");
        Path md = root.resolve("content/tinh/tin-tuc/bai.md");
        Files.createDirectories(md.getParent());
        Files.writeString(md, "---\ntitle: Bài\n---\nNội dung.\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("content/tinh/bo-qua.md"), "x", StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("sites"));
        Files.writeString(root.resolve("sites/tinh.yml"), "id: tinh\n", StandardCharsets.UTF_8);
        try (Git git = Git.init().setDirectory(tmp.resolve("kho").toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            // assume-unchanged: Git would not notice a change to the file, so it is never trusted
            var dc = git.getRepository().lockDirCache();
            dc.getEntry("du-an/content/tinh/bo-qua.md").setAssumeValid(true);
            dc.write();
            dc.commit();
        }
        Map<String, ObjectId> blobs = GitChanges.blobs(root);
        assertEquals(Map.of("content/tinh/tin-tuc/bai.md", FileStates.blobId(Files.readAllBytes(md))), blobs);
        assertTrue(GitChanges.blobs(tmp.resolve("ngoai-git")).isEmpty());
    }

    private static Map<String, FileStates.State> roundTrip(FileStates s) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Records.Writer w = new Records.Writer(bos);
        w.section(1);
        s.write(w);
        w.end();
        Map<String, FileStates.State> m = new java.util.HashMap<>();
        assertEquals(0, FileStates.read(Records.read(bos.toByteArray(), 0).section(1), m));
        return m;
    }
}
