package vn.trang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The values CPython 3.11's random.Random gives for the same calls (printed by python3). */
class PyRandomTest {

    @Test
    void matchesCPython() {
        PyRandom r = new PyRandom(20240601);
        assertEquals(0.11799648743459645, r.random());
        assertEquals(0.42023788001924456, r.random());
        assertEquals(0.7849756275030207, r.random());
        assertEquals(258911727276845L, r.getrandbits(48));
        assertEquals(3663788828L, r.getrandbits(32));
        assertEquals(30L, r.getrandbits(7));
        assertEquals(1736, r.randrange(3835));
        assertEquals(1301, r.randrange(3835));
        assertEquals(827, r.randrange(3835));
        assertEquals(6, r.randint(3, 7));
        List<Integer> x = new ArrayList<>(IntStream.range(0, 10).boxed().toList());
        r.shuffle(x);
        assertEquals(List.of(7, 5, 0, 4, 9, 3, 2, 1, 6, 8), x);
        assertEquals(List.of(10, 9, 4, 2, 8, 7, 6, 0), r.sample(IntStream.range(0, 11).boxed().toList(), 8));
        assertEquals(1117.7533561165897, r.triangular(300, 1500, 500));
    }

    @Test
    void seedsOfMoreThan32Bits() {
        PyRandom r = new PyRandom((1L << 40) + 12345);
        assertEquals(0.31036222241287226, r.random());
        assertEquals(1095710122543L, r.getrandbits(48));
        assertEquals(0.8444218515250481, new PyRandom(0).random());
    }
}
