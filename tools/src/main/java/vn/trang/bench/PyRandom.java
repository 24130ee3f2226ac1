package vn.trang.bench;

import java.util.List;

/**
 * CPython's {@code random.Random} (3.x, MT19937), bit for bit: seeding from an integer,
 * {@code random()}, {@code getrandbits}, {@code randrange}, {@code randint}, {@code choice},
 * {@code shuffle}, {@code sample} and {@code triangular}. The benchmark corpus uses it so that
 * a seed gives the very same synthetic province as the shared harness's {@code gen_corpus.py}
 * (same titles, numbers, dates and bodies), only written in Trang's content format.
 *
 * <p>Why a copy of another runtime's generator, rather than {@link java.util.Random}: the corpus
 * must match the harness's bit for bit. bench/run -s times Trang against Hugo and JBake, which
 * build the harness's own pages; the comparison is fair only if Trang builds the same pages, and
 * {@code BenchCorpusTest.sameProvinceAsTheHarness} proves it against the harness's manifest
 * (pages, words and bytes). Any other generator would give another province: every published
 * number (docs/BENCHMARKS.md) and the 10,000-page output kept byte-identical across refactorings
 * are measured on this one. Converting the harness's Hugo output instead would need Python at
 * benchmark time and a renumbering pass (see {@link BenchCorpus} on document numbers).
 */
public final class PyRandom {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int mti = N + 1;

    /** {@code random.Random(seed)} for a non-negative integer seed of at most 63 bits. */
    public PyRandom(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed < 0");
        }
        int[] key = (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (mti = 1; mti < N; mti++) {
            mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
        }
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    private int next32() {
        int y;
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            mti = 0;
        }
        y = mt[mti++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    /** {@code random()}: a double in [0, 1) with 53 random bits. */
    public double random() {
        long a = (next32() & 0xffffffffL) >>> 5;
        long b = (next32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)} for 0 ≤ k ≤ 63. */
    public long getrandbits(int k) {
        if (k == 0) {
            return 0;
        }
        if (k <= 32) {
            return (next32() & 0xffffffffL) >>> (32 - k);
        }
        long low = next32() & 0xffffffffL;
        long high = (next32() & 0xffffffffL) >>> (64 - k);
        return (high << 32) | low;
    }

    /** {@code _randbelow(n)}: uniform in [0, n), by rejection on n's bit length. */
    public long randbelow(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return r;
    }

    /** {@code randrange(n)}. */
    public int randrange(int n) {
        return (int) randbelow(n);
    }

    /** {@code randrange(start, stop)}. */
    public int randrange(int start, int stop) {
        return start + (int) randbelow((long) stop - start);
    }

    /** {@code randint(a, b)}, both ends included. */
    public int randint(int a, int b) {
        return randrange(a, b + 1);
    }

    public <T> T choice(List<T> seq) {
        return seq.get((int) randbelow(seq.size()));
    }

    public <T> T choice(T[] seq) {
        return seq[(int) randbelow(seq.length)];
    }

    /** {@code shuffle(list)} in place. */
    public <T> void shuffle(List<T> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = (int) randbelow(i + 1);
            T t = x.get(i);
            x.set(i, x.get(j));
            x.set(j, t);
        }
    }

    /** {@code sample(population, k)} for the small populations the corpus uses (the pool branch). */
    public <T> List<T> sample(List<T> population, int k) {
        int n = population.size();
        int setsize = 21;
        if (k > 5) {
            setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
        }
        if (n > setsize || k > n) {
            throw new IllegalArgumentException("sample: only the pool branch is implemented");
        }
        java.util.ArrayList<T> pool = new java.util.ArrayList<>(population);
        java.util.ArrayList<T> result = new java.util.ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = (int) randbelow(n - i);
            result.add(pool.get(j));
            pool.set(j, pool.get(n - i - 1));
        }
        return result;
    }

    /** {@code triangular(low, high, mode)}. */
    public double triangular(double low, double high, double mode) {
        double u = random();
        double c = (mode - low) / (high - low);
        if (u > c) {
            u = 1.0 - u;
            c = 1.0 - c;
            double t = low;
            low = high;
            high = t;
        }
        return low + (high - low) * Math.sqrt(u * c);
    }
}
