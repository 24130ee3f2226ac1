package vn.trang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.legal.DocumentNumber;

/**
 * Citation and document-number extraction over any text. Each citation is the text found at its
 * offset, at the line and column it reports, in order; its number parses back from that text; and
 * a number's standard spelling is a fixed point of parsing.
 */
class CitationFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void citationsPointAtTheirText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Citation> found = CitationExtractor.extract(text);
        int previousEnd = 0;
        for (Citation c : found) {
            int end = c.offset() + c.raw().length();
            assertTrue(c.offset() >= previousEnd && end <= nfc.length(), () -> "overlapping or outside: " + c);
            assertEquals(c.raw(), nfc.substring(c.offset(), end));
            int lineStart = nfc.lastIndexOf('\n', c.offset() - 1) + 1;
            int line = 1 + (int) nfc.substring(0, c.offset()).chars().filter(ch -> ch == '\n').count();
            assertEquals(line, c.line(), () -> "line of " + c);
            assertEquals(c.offset() - lineStart + 1, c.column(), () -> "column of " + c);
            Optional<DocumentNumber> again = DocumentNumber.parse(c.raw());
            assertTrue(again.isPresent(), () -> "'" + c.raw() + "' was extracted but does not parse");
            assertEquals(c.number().key(), again.get().key());
            assertStable(c.number());
            previousEnd = end;
        }
    }

    @FuzzTest(maxDuration = "5m")
    void numbersParseToAFixedPoint(byte[] input) {
        DocumentNumber.parse(new String(input, StandardCharsets.UTF_8)).ifPresent(CitationFuzzTest::assertStable);
    }

    /** normalized() parses to the same number, whose normalized() is itself. */
    private static void assertStable(DocumentNumber n) {
        String standard = n.normalized();
        Optional<DocumentNumber> reparsed = DocumentNumber.parse(standard);
        assertTrue(reparsed.isPresent(), () -> "standard spelling '" + standard + "' does not parse");
        assertEquals(standard, reparsed.get().normalized());
        assertEquals(n.key(), reparsed.get().key());
    }
}
