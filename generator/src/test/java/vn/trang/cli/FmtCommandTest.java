package vn.trang.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;

/** {@code trang fmt}: short forms rewritten in place and nothing else, {@code --check}, what it never writes. */
class FmtCommandTest {

    @TempDir
    Path tmp;
    Fixture f;

    private static final String PROCEDURE = "content/so-a/thu-tuc/cap-phep.md";

    /** A procedure with short forms, comments, odd quoting, a byte-order mark and CRLF line ends. */
    private static final String SHORT = "\uFEFF---\r\n"
            + "# chú thích đầu tệp\r\n"
            + "title:   Cấp giấy phép   # tên\r\n"
            + "code: '1.000001'\r\n"
            + "field: Hoạt động xây dựng\r\n"
            + "implementing_level: tinh # một cấp\r\n"
            + "steps: [\"Nộp hồ sơ.\"]\r\n"
            + "dossier:\r\n"
            + "- name: Đơn\r\n"
            + "  copies: \"0\"\r\n"
            + "agencies: {performing: Sở Xây dựng}\r\n"
            + "result: Giấy phép\r\n"
            + "legal_basis: [50/2014/QH13]\r\n"
            + "level: thong-tin\r\n"
            + "---\r\n"
            + "Ghi chú  với   dấu cách\r\n\r\nresult: không phải phần đầu\r\n";

    private static final String LONG = "\uFEFF---\r\n"
            + "# chú thích đầu tệp\r\n"
            + "title:   Cấp giấy phép   # tên\r\n"
            + "code: '1.000001'\r\n"
            + "field: Hoạt động xây dựng\r\n"
            + "implementing_level:\r\n  - tinh # một cấp\r\n"
            + "steps: [\"Nộp hồ sơ.\"]\r\n"
            + "dossier:\r\n"
            + "- papers:\r\n"
            + "    - name: Đơn\r\n"
            + "      copies: 0\r\n"
            + "agencies: {performing: [Sở Xây dựng]}\r\n"
            + "result:\r\n  - Giấy phép\r\n"
            + "legal_basis: [{number: 50/2014/QH13}]\r\n"
            + "level: thong-tin\r\n"
            + "---\r\n"
            + "Ghi chú  với   dấu cách\r\n\r\nresult: không phải phần đầu\r\n";

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp.resolve("p"));
    }

    private CliTest.Run fmt(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "fmt";
        all[1] = "--root";
        all[2] = f.root.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliTest.run(all);
    }

    private byte[] bytes(String rel) throws IOException {
        return Files.readAllBytes(f.path(rel));
    }

    @Test
    void rewritesTheShortFormsAndNotOneOtherByte() throws IOException {
        f.write(PROCEDURE, SHORT);
        CliTest.Run r = fmt();
        assertEquals(0, r.code(), r::toString);
        assertEquals(LONG, new String(bytes(PROCEDURE), StandardCharsets.UTF_8));
        assertTrue(r.err().contains(PROCEDURE + ": đã viết lại 6 chỗ"), r::toString);
    }

    @Test
    void runningItAgainChangesNothing() throws IOException {
        f.write(PROCEDURE, SHORT);
        assertEquals(0, fmt().code());
        byte[] once = bytes(PROCEDURE);
        CliTest.Run again = fmt();
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("đã viết lại 0 trong 1 tệp"), again::toString);
        assertArrayEquals(once, bytes(PROCEDURE));
        assertEquals(0, fmt("--check").code());
    }

    @Test
    void checkListsEachPlaceAndWritesNothing() throws IOException {
        f.write(PROCEDURE, SHORT);
        Files.setLastModifiedTime(f.path(PROCEDURE), FileTime.fromMillis(1_000_000_000_000L));
        CliTest.Run r = fmt("--check");
        assertEquals(1, r.code(), r::toString);
        int from = 0;
        for (String at : new String[] {":6:21:", ":9:1:", ":10:11:", ":11:24:", ":12:9:", ":13:15:"}) {
            int i = r.err().indexOf(PROCEDURE + at + " lỗi: trình soạn thảo không đọc được");
            assertTrue(i >= from, () -> at + " in file order\n" + r);
            from = i;
        }
        assertTrue(r.err().contains("6 chỗ trong 1 tệp"), r::toString);
        assertEquals(SHORT, new String(bytes(PROCEDURE), StandardCharsets.UTF_8));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(f.path(PROCEDURE)).toMillis());
    }

    @Test
    void checkPassesOnLongFormsAndOnWhatTrangNewWrites() {
        f.write(PROCEDURE, LONG);
        assertEquals(0, CliTest.run("new", "--root", f.root.toString(), "--site", "xa-b", "thu-tuc", "Đăng ký khai sinh").code());
        CliTest.Run r = fmt("--check");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("2 tệp đều ở dạng trình soạn thảo đọc được"), r::toString);
    }

    @Test
    void aMalformedFileGetsItsDiagnosticAndStaysAsItIs() throws IOException {
        String broken = "---\ntitle: [Cấp phép\nresult: Giấy phép\n---\n";
        f.write("content/so-a/thu-tuc/hong.md", broken);
        f.write(PROCEDURE, SHORT);
        CliTest.Run r = fmt();
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("content/so-a/thu-tuc/hong.md:3:"), r::toString);
        assertTrue(r.err().contains("YAML sai cú pháp"), r::toString);
        assertEquals(broken, Files.readString(f.path("content/so-a/thu-tuc/hong.md")));
        assertEquals(LONG, new String(bytes(PROCEDURE), StandardCharsets.UTF_8), "the other file is still rewritten");
    }

    @Test
    void aFileReachedThroughALinkIsNeverWritten() throws IOException {
        Path outside = tmp.resolve("ngoai/cap-phep.md");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, SHORT);
        Files.createDirectories(f.path("content/so-a/thu-tuc"));
        Files.createSymbolicLink(f.path(PROCEDURE), outside);
        Files.createSymbolicLink(f.path("content/xa-b"), outside.getParent());
        CliTest.Run r = fmt();
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("liên kết tượng trưng"), r::toString);
        assertEquals(SHORT, Files.readString(outside));
        try (Stream<Path> s = Files.list(outside.getParent())) {
            assertEquals(1, s.count(), "no file written beside it");
        }
    }

    @Test
    void aRewrittenFileKeepsItsPermissions() throws IOException {
        f.write(PROCEDURE, SHORT);
        Files.setPosixFilePermissions(f.path(PROCEDURE), PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(0, fmt().code());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path(PROCEDURE))));
        try (Stream<Path> s = Files.list(f.path("content/so-a/thu-tuc"))) {
            assertEquals(1, s.count(), "no temporary file left beside it");
        }
    }

    @Test
    void siteLimitsItToOneSite() throws IOException {
        f.write(PROCEDURE, SHORT);
        String other = PROCEDURE.replace("so-a", "xa-b");
        f.write(other, SHORT);
        CliTest.Run r = fmt("--site", "xa-b");
        assertEquals(0, r.code(), r::toString);
        assertEquals(SHORT, new String(bytes(PROCEDURE), StandardCharsets.UTF_8));
        assertEquals(LONG, new String(bytes(other), StandardCharsets.UTF_8));
        CliTest.Run unknown = fmt("--site", "khong-co");
        assertEquals(1, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("không có trang 'khong-co'"), unknown::toString);
    }

    @Test
    void theRewrittenFileBuildsTheSamePages() throws IOException {
        f.write(PROCEDURE, SHORT);
        f.document("so-a", "06-ct-ubnd", "06/CT-UBND", "Chỉ thị", "2019-04-19",
                "relations:\n  can_cu: [43/2011/NĐ-CP]\n  thay_the: 05/CT-UBND", "fields: Công nghệ thông tin");
        assertTrue(f.build(tmp.resolve("before")).ok());
        // outside Git a page's "last updated" is its file's time, which a rewrite changes
        FileTime procedure = Files.getLastModifiedTime(f.path(PROCEDURE));
        FileTime document = Files.getLastModifiedTime(f.path("content/so-a/van-ban/06-ct-ubnd.md"));
        assertEquals(0, fmt().code());
        Files.setLastModifiedTime(f.path(PROCEDURE), procedure);
        Files.setLastModifiedTime(f.path("content/so-a/van-ban/06-ct-ubnd.md"), document);
        assertTrue(f.build(tmp.resolve("after")).ok());
        for (String page : new String[] {"so-a/thu-tuc/cap-giay-phep/index.html", "so-a/van-ban/06-ct-ubnd/index.html"}) {
            assertEquals(Fixture.read(tmp.resolve("before").resolve(page)), Fixture.read(tmp.resolve("after").resolve(page)), page);
        }
    }
}
