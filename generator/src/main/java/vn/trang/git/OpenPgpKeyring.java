package vn.trang.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Checks OpenPGP signatures of commits against a configured public keyring (not the user's
 * ~/.gnupg): JGit's {@link SignatureVerifier} contract, implemented with BouncyCastle's
 * lightweight API (no JCA provider is registered, so the shaded, unsigned jar works on every JDK).
 *
 * <p>A commit passes when it has an OpenPGP signature, the signing key (or subkey) is in the
 * keyring, neither it nor its primary key is revoked or expired at signing time, the signature
 * verifies over the commit without its {@code gpgsig} header, and one of the key's user IDs
 * carries the commit author's email — so an editor's key cannot vouch for another identity.
 */
public final class OpenPgpKeyring implements SignatureVerifier {

    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private final PGPPublicKeyRingCollection rings;

    private OpenPgpKeyring(PGPPublicKeyRingCollection rings) {
        this.rings = rings;
    }

    /** Reads armored key blocks (one or several, as {@code gpg --export --armor} writes) or a binary keyring. */
    public static OpenPgpKeyring read(byte[] bytes) throws IOException {
        List<PGPPublicKeyRing> all = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        try {
            if (text.contains(BEGIN)) {
                int at = text.indexOf(BEGIN);
                while (at >= 0) {
                    int next = text.indexOf(BEGIN, at + BEGIN.length());
                    String block = next < 0 ? text.substring(at) : text.substring(at, next);
                    try (InputStream in = new ArmoredInputStream(
                            new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)))) {
                        new BcPGPPublicKeyRingCollection(in).getKeyRings().forEachRemaining(all::add);
                    }
                    at = next;
                }
            } else {
                new BcPGPPublicKeyRingCollection(bytes).getKeyRings().forEachRemaining(all::add);
            }
        } catch (PGPException | RuntimeException e) {
            throw new IOException("tệp khóa công khai OpenPGP không đọc được: " + e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new IOException("tệp khóa công khai không có khóa nào");
        }
        return new OpenPgpKeyring(new PGPPublicKeyRingCollection(all));
    }

    /** How many keys (primary keys) the keyring holds. */
    public int size() {
        int n = 0;
        for (Iterator<PGPPublicKeyRing> it = rings.getKeyRings(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** The result of checking one commit: null problem when it passes. */
    public record Check(String problem, String signer) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Checks a commit's signature and that the key belongs to its author. */
    public Check check(RevCommit c) {
        byte[] sig = c.getRawGpgSignature();
        if (sig == null) {
            return new Check("commit không có chữ ký số", null);
        }
        Outcome o;
        try {
            o = verifyWithKey(signedData(c), sig);
        } catch (IOException e) {
            return new Check("chữ ký không đọc được: " + e.getMessage(), null);
        }
        SignatureVerification v = o.verification();
        if (!v.verified()) {
            return new Check(v.message(), v.keyUser());
        }
        String email = c.getAuthorIdent().getEmailAddress().toLowerCase(Locale.ROOT);
        if (!emails(o.ring().getPublicKey()).contains(email)) {
            return new Check("khóa ký (" + v.keyUser() + ") không mang địa chỉ thư của tác giả <" + email + ">", v.keyUser());
        }
        return new Check(null, v.keyUser());
    }

    /** The commit as it was signed: its raw bytes without the {@code gpgsig} header. */
    static byte[] signedData(RevCommit c) {
        byte[] raw = c.getRawBuffer();
        byte[] header = {'g', 'p', 'g', 's', 'i', 'g'};
        int start = RawParseUtils.headerStart(header, raw, 0);
        if (start < 0) {
            return raw;
        }
        int end = RawParseUtils.nextLfSkippingSplitLines(raw, start);
        start -= header.length + 1;
        if (end < raw.length) {
            end++;
        }
        byte[] data = new byte[raw.length - (end - start)];
        System.arraycopy(raw, 0, data, 0, start);
        System.arraycopy(raw, end, data, start, raw.length - end);
        return data;
    }

    @Override
    public SignatureVerification verify(Repository repository, GpgConfig config, byte[] data, byte[] signatureData)
            throws IOException {
        return verifyWithKey(data, signatureData).verification();
    }

    /** A verification and the key ring of the signing key (null when the key is unknown). */
    private record Outcome(SignatureVerification verification, PGPPublicKeyRing ring) {
    }

    private Outcome verifyWithKey(byte[] data, byte[] signatureData) throws IOException {
        PGPSignature sig = parse(signatureData);
        long keyId = sig.getKeyID();
        PGPPublicKey key = rings.getPublicKey(keyId);
        Date created = sig.getCreationTime();
        String id = String.format("%016X", keyId);
        if (key == null) {
            return new Outcome(result(created, id, null, false, false, "khóa ký " + id + " không có trong tệp khóa công khai đã khai báo"), null);
        }
        PGPPublicKeyRing ring = rings.getPublicKeyRing(keyId);
        PGPPublicKey primary = ring.getPublicKey();
        String fingerprint = HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
        String user = firstUserId(primary);
        if (primary.hasRevocation() || (!key.isMasterKey() && key.hasRevocation())) {
            return new Outcome(result(created, fingerprint, user, false, false, "khóa ký " + id + " đã bị thu hồi"), ring);
        }
        if (expired(primary, created) || expired(key, created)) {
            return new Outcome(result(created, fingerprint, user, false, true, "khóa ký " + id + " đã hết hạn khi ký"), ring);
        }
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
            sig.update(data);
            boolean ok = sig.verify();
            return new Outcome(result(created, fingerprint, user, ok, false, ok ? "chữ ký hợp lệ" : "chữ ký sai: nội dung commit đã bị sửa sau khi ký hoặc chữ ký giả"), ring);
        } catch (PGPException | RuntimeException e) {
            return new Outcome(result(created, fingerprint, user, false, false, "không kiểm tra được chữ ký: " + e.getMessage()), ring);
        }
    }

    private static SignatureVerification result(Date created, String fingerprint, String user, boolean ok,
                                                boolean expired, String message) {
        return new SignatureVerification("trang-openpgp", created, user, fingerprint, user, ok, expired,
                ok ? TrustLevel.FULL : TrustLevel.NEVER, message);
    }

    private static boolean expired(PGPPublicKey k, Date at) {
        long valid = k.getValidSeconds();
        return valid > 0 && at != null && at.getTime() > k.getCreationTime().getTime() + valid * 1000;
    }

    private static PGPSignature parse(byte[] armored) throws IOException {
        try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored))) {
            Object o = new BcPGPObjectFactory(in).nextObject();
            if (o instanceof PGPCompressedData cd) {
                o = new BcPGPObjectFactory(cd.getDataStream()).nextObject();
            }
            if (o instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            throw new IOException("không phải chữ ký OpenPGP");
        } catch (PGPException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String firstUserId(PGPPublicKey k) {
        Iterator<String> it = k.getUserIDs();
        return it.hasNext() ? it.next() : null;
    }

    /** The email addresses of a key's user IDs ("Name &lt;email&gt;" or a bare address), lower-cased. */
    static List<String> emails(PGPPublicKey k) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = k.getUserIDs(); it.hasNext(); ) {
            String uid = it.next();
            int lt = uid.lastIndexOf('<');
            int gt = uid.lastIndexOf('>');
            String email = lt >= 0 && gt > lt ? uid.substring(lt + 1, gt) : uid.strip();
            out.add(email.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Override
    public String getName() {
        return "trang-openpgp";
    }

    @Override
    public void clear() {
        // nothing cached
    }
}
