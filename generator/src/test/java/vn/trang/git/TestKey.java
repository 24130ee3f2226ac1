package vn.trang.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * An OpenPGP key made in the test with BouncyCastle (Ed25519, one user ID, no passphrase), and a
 * JGit {@link Signer} that signs commits with it — no key file or gpg agent from outside.
 */
public final class TestKey {

    private static final int ALGO = PublicKeyAlgorithmTags.EDDSA_LEGACY;

    private final PGPPublicKeyRing publicRing;
    private final PGPPrivateKey privateKey;

    private TestKey(PGPPublicKeyRing publicRing, PGPPrivateKey privateKey) {
        this.publicRing = publicRing;
        this.privateKey = privateKey;
    }

    public static TestKey generate(String name, String email) {
        try {
            Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
            g.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            AsymmetricCipherKeyPair kp = g.generateKeyPair();
            PGPKeyPair pair = new BcPGPKeyPair(ALGO, kp, new Date(System.currentTimeMillis() - 86_400_000L * 365 * 10));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            PGPKeyRingGenerator krg = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                    name + " <" + email + ">", new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                    hashed.generate(), null, new BcPGPContentSignerBuilder(ALGO, HashAlgorithmTags.SHA256), null);
            return new TestKey(krg.generatePublicKeyRing(), pair.getPrivateKey());
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key, ASCII-armored as {@code gpg --export --armor} writes it. */
    public String armoredPublic() {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = new ArmoredOutputStream(buf)) {
                publicRing.encode(out);
            }
            return buf.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Several keys in one keyring file. */
    public static String keyring(TestKey... keys) {
        StringBuilder sb = new StringBuilder();
        for (TestKey k : keys) {
            sb.append(k.armoredPublic()).append('\n');
        }
        return sb.toString();
    }

    /** Signs like {@code git commit -S} with this key. */
    public Signer signer() {
        return new Signer() {
            @Override
            public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer,
                                     String signingKey, CredentialsProvider credentialsProvider) {
                try {
                    PGPSignatureGenerator g = new PGPSignatureGenerator(new BcPGPContentSignerBuilder(ALGO,
                            HashAlgorithmTags.SHA256), publicRing.getPublicKey());
                    g.init(PGPSignature.BINARY_DOCUMENT, privateKey);
                    PGPSignatureSubpacketGenerator sp = new PGPSignatureSubpacketGenerator();
                    sp.setSignatureCreationTime(false, Date.from(committer.getWhenAsInstant()));
                    sp.setIssuerFingerprint(false, publicRing.getPublicKey());
                    g.setHashedSubpackets(sp.generate());
                    g.update(data);
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    try (ArmoredOutputStream out = new ArmoredOutputStream(buf)) {
                        g.generate().encode(out);
                    }
                    return new GpgSignature(buf.toByteArray());
                } catch (PGPException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer,
                                               String signingKey, CredentialsProvider credentialsProvider) {
                return true;
            }
        };
    }
}
