package vn.trang.cache;

/**
 * A fast 256-bit hash for {@link Fingerprints}: MurmurHash3's x64 128-bit function run twice over
 * the same bytes with two seeds. Not cryptographic, and not meant to be: a page-model fingerprint
 * is only compared with the same page's fingerprint from the previous build, so a collision could
 * only come from an editor crafting their own page to look unchanged (they could as well not
 * change it). Why not SHA-256: builds of fewer than 40,000 files run on C1 alone, where
 * the JDK's SHA-256 is plain Java at 50–140 MB/s, and fingerprinting every page model was half of
 * a one-file edit's time at 10,000 pages.
 */
final class ModelDigest {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long SEED_A = 0x9E3779B97F4A7C15L;
    private static final long SEED_B = 0xD1B54A32D192ED03L;

    private long a1 = SEED_A;
    private long a2 = SEED_A;
    private long b1 = SEED_B;
    private long b2 = SEED_B;
    private final byte[] tail = new byte[16];
    private int tailLength;
    private long length;

    void update(byte[] b, int off, int len) {
        length += len;
        if (tailLength > 0) {
            int n = Math.min(16 - tailLength, len);
            System.arraycopy(b, off, tail, tailLength, n);
            tailLength += n;
            off += n;
            len -= n;
            if (tailLength < 16) {
                return;
            }
            block(longAt(tail, 0), longAt(tail, 8));
            tailLength = 0;
        }
        while (len >= 16) {
            block(longAt(b, off), longAt(b, off + 8));
            off += 16;
            len -= 16;
        }
        if (len > 0) {
            System.arraycopy(b, off, tail, 0, len);
            tailLength = len;
        }
    }

    private void block(long k1, long k2) {
        // Two lanes over the same block, spelled out: no arrays per block (C1 does not remove them).
        long m1 = Long.rotateLeft(k1 * C1, 31) * C2;
        long m2 = Long.rotateLeft(k2 * C2, 33) * C1;
        a1 ^= m1;
        a1 = Long.rotateLeft(a1, 27) + a2;
        a1 = a1 * 5 + 0x52dce729;
        a2 ^= m2;
        a2 = Long.rotateLeft(a2, 31) + a1;
        a2 = a2 * 5 + 0x38495ab5;
        b1 ^= m1;
        b1 = Long.rotateLeft(b1, 27) + b2;
        b1 = b1 * 5 + 0x52dce729;
        b2 ^= m2;
        b2 = Long.rotateLeft(b2, 31) + b1;
        b2 = b2 * 5 + 0x38495ab5;
    }

    private static long longAt(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24
                | (b[off + 4] & 0xffL) << 32 | (b[off + 5] & 0xffL) << 40 | (b[off + 6] & 0xffL) << 48
                | (b[off + 7] & 0xffL) << 56;
    }

    /** The 32 bytes of the hash; the digest is not usable afterwards. */
    byte[] digest() {
        long[] a = finish(a1, a2);
        long[] b = finish(b1, b2);
        byte[] out = new byte[32];
        long[] all = {a[0], a[1], b[0], b[1]};
        for (int i = 0; i < 4; i++) {
            for (int s = 0; s < 8; s++) {
                out[i * 8 + s] = (byte) (all[i] >>> (56 - 8 * s));
            }
        }
        return out;
    }

    private long[] finish(long h1, long h2) {
        long k1 = 0;
        long k2 = 0;
        for (int i = tailLength - 1; i >= 8; i--) {
            k2 = k2 << 8 | (tail[i] & 0xffL);
        }
        for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
            k1 = k1 << 8 | (tail[i] & 0xffL);
        }
        if (tailLength > 8) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        if (tailLength > 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
