package vn.trang.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.files.OutputSwap;

/**
 * The last line of defence, under the scanner's reports: reading, copying and tree copies refuse a
 * symbolic link itself, and a path through a linked folder is found component by component.
 */
class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void readsAndCopiesRegularFilesOnlyNeverThroughALink() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.env"), "TOKEN=bi-mat\n");
        Path root = Files.createDirectories(tmp.resolve("p"));
        Path file = Files.writeString(root.resolve("a.txt"), "a");
        Path link = Files.createSymbolicLink(root.resolve("b.txt"), secret);
        assertArrayEquals("a".getBytes(), InputFiles.readAllBytes(file));
        assertThrows(IOException.class, () -> InputFiles.readAllBytes(link));
        assertFalse(InputFiles.isRegularFile(link));
        InputFiles.copy(file, root.resolve("c.txt"));
        assertThrows(IOException.class, () -> InputFiles.copy(link, root.resolve("d.txt")));
        assertFalse(Files.exists(root.resolve("d.txt"), java.nio.file.LinkOption.NOFOLLOW_LINKS));

        // A static folder holding a link: the tree copy stops rather than copy what it points to.
        Path stat = Files.createDirectories(root.resolve("static/css"));
        Files.writeString(stat.resolve("ok.css"), "a{}");
        Files.createSymbolicLink(stat.resolve("env.css"), secret);
        assertThrows(IOException.class, () -> OutputSwap.copyTree(root.resolve("static"), tmp.resolve("out")));
        assertFalse(Files.exists(tmp.resolve("out/css/env.css"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** A FIFO would block a read for ever: it is refused at once, like a link. */
    @Test
    void aFifoIsRefusedNotWaitedOn() throws Exception {
        Path fifo = tmp.resolve("tin.md");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> assertThrows(IOException.class, () -> InputFiles.readAllBytes(fifo)));
    }

    @Test
    void findsTheLinkOnAPathAndEveryLinkUnderAFolder() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("p"));
        Path outside = Files.createDirectories(tmp.resolve("ngoai/sau"));
        Files.writeString(outside.resolve("x.pdf"), "x");
        Path dir = Files.createDirectories(root.resolve("content/so-a/van-ban"));
        Path linkedDir = Files.createSymbolicLink(dir.resolve("tep"), outside);
        assertEquals(Optional.of(linkedDir), InputFiles.linkOnPath(root, linkedDir.resolve("x.pdf")));
        assertEquals(Optional.empty(), InputFiles.linkOnPath(root, dir.resolve("y.pdf")));
        Path fileLink = Files.createSymbolicLink(dir.resolve("z.pdf"), outside.resolve("x.pdf"));
        assertEquals(List.of(linkedDir, fileLink), InputFiles.links(root));
        assertEquals(List.of(linkedDir), InputFiles.links(linkedDir));
    }
}
