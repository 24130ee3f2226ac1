package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The page-model hash: the same bytes give the same digest however they are fed; others differ. */
class ModelDigestTest {

    private static byte[] oneShot(byte[] b) {
        ModelDigest d = new ModelDigest();
        d.update(b, 0, b.length);
        return d.digest();
    }

    @Test
    void feedingInPiecesGivesTheSameDigest() {
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            ModelDigest d = new ModelDigest();
            int at = 0;
            while (at < b.length) {
                int n = Math.min(b.length - at, r.nextInt(40));
                d.update(b, at, n);
                at += n;
            }
            assertArrayEquals(oneShot(b), d.digest(), () -> Arrays.toString(b));
        }
    }

    @Test
    void differentBytesGiveDifferentDigests() {
        Random r = new Random(5);
        Set<String> seen = new HashSet<>();
        for (int len = 0; len < 64; len++) {
            byte[] zeros = new byte[len];
            // lengths matter: runs of zero bytes of different lengths differ
            assertEquals(true, seen.add(Arrays.toString(oneShot(zeros))), "zeros of length " + len);
        }
        Set<String> inputs = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[1 + r.nextInt(100)];
            r.nextBytes(b);
            byte[] d = oneShot(b);
            byte[] flipped = b.clone();
            flipped[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            assertFalse(Arrays.equals(d, oneShot(flipped)), "one bit flipped");
            seen.add(Arrays.toString(d));
            inputs.add(Arrays.toString(b));
        }
        assertEquals(64 + inputs.size(), seen.size(), "no two different inputs share a digest");
    }

    @Test
    void fingerprintsOfEqualModelsAgreeAndOfDifferentOnesDiffer() throws Exception {
        Fingerprints f = new Fingerprints();
        record Page(String title, java.util.List<String> items, int n) {
        }
        Digest a = f.of(new Page("Tin tức", java.util.List.of("a", "b"), 1));
        Digest b = new Fingerprints().of(new Page("Tin tức", java.util.List.of("a", "b"), 1));
        Digest c = new Fingerprints().of(new Page("Tin tức", java.util.List.of("a", "c"), 1));
        Digest d = new Fingerprints().of(new Page("Tin tức", java.util.List.of("ab"), 1));
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertFalse(a.equals(d));
    }
}
