package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;

/**
 * require_signed_commits: every commit must carry a valid OpenPGP signature from a key of the
 * configured keyring whose user ID is the author's. Keys are made in the test with BouncyCastle.
 */
class SignedCommitsTest {

    static TestKey admin;
    static TestKey editorA;
    static TestKey outsider;

    @TempDir
    Path tmp;
    GitFixture g;

    @BeforeAll
    static void keys() {
        admin = TestKey.generate(GitFixture.ADMIN.name(), GitFixture.ADMIN.email());
        editorA = TestKey.generate(GitFixture.EDITOR_A.name(), GitFixture.EDITOR_A.email());
        outsider = TestKey.generate("Người Ngoài", "ngoai@example.com");
    }

    @BeforeEach
    void setUp() throws Exception {
        g = GitFixture.create(tmp.resolve("p"), "require_signed_commits: true\npublic_keys: keys/bien-tap.asc\n");
        g.write("keys/bien-tap.asc", TestKey.keyring(admin, editorA));
        // The first commit (unsigned, made by create) is the base: ranges start after it; the
        // keyring is committed signed by the admin.
        g.commit(GitFixture.ADMIN, "Khóa công khai của biên tập viên", admin);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private Verifier.Outcome verifySinceFirst() throws Exception {
        RevCommit first = null;
        for (RevCommit c : g.git.log().call()) {
            first = c;
        }
        return new Verifier(g.root, null).verify(first.name(), null, Map.of());
    }

    private static String dump(Verifier.Outcome o) {
        StringBuilder sb = new StringBuilder(Diags.dump(o.diagnostics()));
        if (o.report() != null) {
            o.report().violations().forEach(v -> sb.append(v.format()).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void signedByTheirOwnKeysPasses() throws Exception {
        g.f.news("so-a", "tin", "Tin", "2026-01-05 08:00");
        RevCommit c = g.commit(GitFixture.EDITOR_A, "Tin đã ký", editorA);
        assertTrue(c.getRawGpgSignature() != null, "the commit is really signed");
        Verifier.Outcome o = verifySinceFirst();
        assertTrue(o.ok(), () -> dump(o));
        assertTrue(o.policy().requireSigned());
        assertEquals(2, o.report().commits());
    }

    @Test
    void unsignedUnknownKeyAndSomeoneElsesKeyAreRefused() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        RevCommit unsigned = g.commit(GitFixture.EDITOR_A, "Quên ký");
        g.f.news("so-a", "hai", "Hai", "2026-01-05 09:00");
        RevCommit unknown = g.commit(GitFixture.EDITOR_A, "Ký bằng khóa lạ", outsider);
        g.f.news("so-a", "ba", "Ba", "2026-01-05 10:00");
        RevCommit borrowed = g.commit(GitFixture.EDITOR_A, "Ký bằng khóa của quản trị", admin);
        Verifier.Outcome o = verifySinceFirst();
        assertFalse(o.ok());
        List<Verifier.Violation> v = o.report().violations();
        assertEquals(3, v.size(), () -> dump(o));
        assertTrue(v.stream().allMatch(x -> x.rule().equals(AccessRules.RULE_SIGNED)), () -> dump(o));
        assertEquals(List.of(unsigned.abbreviate(10).name(), unknown.abbreviate(10).name(), borrowed.abbreviate(10).name()),
                v.stream().map(Verifier.Violation::commit).toList());
        assertTrue(v.get(0).message().contains("không có chữ ký"), v.get(0).format());
        assertTrue(v.get(1).message().contains("không có trong tệp khóa"), v.get(1).format());
        assertTrue(v.get(2).message().contains("không mang địa chỉ thư của tác giả"), v.get(2).format());
        assertEquals("content/so-a/tin-tuc/mot.md", v.get(0).file());
    }

    @Test
    void aTamperedCommitDoesNotVerify() throws Exception {
        g.f.news("so-a", "tin", "Tin", "2026-01-05 08:00");
        RevCommit c = g.commit(GitFixture.EDITOR_A, "Tin đã ký", editorA);
        OpenPgpKeyring keyring = OpenPgpKeyring.read(TestKey.keyring(admin, editorA).getBytes());
        assertTrue(keyring.check(c).ok());
        byte[] data = OpenPgpKeyring.signedData(c);
        data[data.length - 2] ^= 1; // one bit of the message
        assertFalse(keyring.verify(null, null, data, c.getRawGpgSignature()).verified());
        assertEquals(2, keyring.size());
    }

    @Test
    void theKeyringMustExistAndBeReadable() throws Exception {
        g.write("keys/bien-tap.asc", "không phải khóa");
        g.commit(GitFixture.ADMIN, "Làm hỏng khóa", admin);
        Verifier.Outcome o = verifySinceFirst();
        assertFalse(o.ok());
        Diags.singleError(o.diagnostics(), "sites/tinh.yml", 0, 0, "keys/bien-tap.asc");
        // --keyring replaces the configured file.
        Path k = tmp.resolve("khoa.asc");
        Files.writeString(k, TestKey.keyring(admin, editorA));
        Verifier.Outcome fixed = new Verifier(g.root, k).verify(null, null, Map.of());
        assertTrue(fixed.diagnostics().list().isEmpty(), () -> dump(fixed));
    }
}
