package vn.trang.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The numbers each of the five real directives in ../shared/seeds cites, in order, repeats
 * included, each with the date the text states after it ("-" when none). The lists were written
 * by reading the seeds, not by running the extractor. A user's clone has no ../shared, so these
 * tests are skipped there.
 */
class SeedCitationsTest {

    private static final Path SEEDS = Path.of(System.getProperty("trang.root", ".."), "..", "shared", "seeds")
            .toAbsolutePath().normalize();

    /** Hưng Yên directive: CT-TTg 34/2008 is cited without a date. */
    @Test
    void seed000() throws IOException {
        assertCites("000_", List.of(
                "64/2007/NĐ-CP|2007-04-10",
                "34/2008/CT-TTg|-",
                "1605/QĐ-TTg|2010-08-27"));
    }

    /** Hải Dương decision: the "Căn cứ" lines wrap between "ngày" and the date. */
    @Test
    void seed001() throws IOException {
        assertCites("001_", List.of(
                "64/2007/NĐ-CP|2007-04-10",
                "246/2005/QĐ-TTg|2005-10-06",
                "48/2009/QĐ-TTg|2009-03-31",
                "1605/QĐ-TTg|2010-08-27",
                "1755/QĐ-TTg|2010-09-22",
                "594/TTr-STTTT|2010-11-12",
                "1605/QĐ-TTg|2010-08-27"));
    }

    /** Hải Phòng directive: a công văn, and "ISO 9001:2015" that is not a number. */
    @Test
    void seed002() throws IOException {
        assertCites("002_", List.of(
                "80/2014/QĐ-TTg|2014-12-30",
                "7740/UBND-VX|2018-11-30",
                "2348/QĐ-UBND|2016-10-17"));
    }

    /**
     * Hòa Bình report: 03/CT-UBND's date (26/1/2011) stands before it, so none is attached;
     * 1605/QĐ-TTg is dated 6/9/2010 here but 27/8/2010 in seeds 000 and 001.
     */
    @Test
    void seed003() throws IOException {
        assertCites("003_", List.of(
                "03/CT-UBND|-",
                "1605/QĐ-TTg|2010-09-06",
                "1755/QĐ-TTg|2010-09-22",
                "4591/TB-VPUBND|2010-12-21",
                "690-TB/VPTƯ|2009-06-18"));
    }

    /**
     * Bắc Ninh directive: its own number in the header (dated by "Bắc Ninh, ngày 19 tháng 4 năm
     * 2019"), in the title and in the metadata block; 1987/QĐ-UBND first with its date before it,
     * then with the typo "31//10/2018".
     */
    @Test
    void seed004() throws IOException {
        assertCites("004_", List.of(
                "06/CT-UBND|2019-04-19",
                "1987/QĐ-UBND|-",
                "02/CT-TTg|2019-01-23",
                "43/2011/NĐ-CP|2011-06-13",
                "1987/QĐ-UBND|2018-10-31",
                "06/CT-UBND|-",
                "06/CT-UBND|-"));
    }

    /** Every number docs/DOMAIN.md#sample-data says the seeds cite is found in one of them. */
    @Test
    void allNumbersDomainMdListsAreFound() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "no ../shared/seeds in this checkout");
        List<String> found;
        try (Stream<Path> files = Files.list(SEEDS)) {
            found = files.filter(p -> p.toString().endsWith(".txt"))
                    .flatMap(p -> CitationExtractor.extract(read(p)).stream())
                    .map(Citation::normalized)
                    .toList();
        }
        for (String n : List.of("64/2007/NĐ-CP", "34/2008/CT-TTg", "1605/QĐ-TTg", "1755/QĐ-TTg", "246/2005/QĐ-TTg",
                "48/2009/QĐ-TTg", "594/TTr-STTTT", "80/2014/QĐ-TTg", "2348/QĐ-UBND", "7740/UBND-VX", "03/CT-UBND",
                "4591/TB-VPUBND", "690-TB/VPTƯ", "43/2011/NĐ-CP", "02/CT-TTg", "1987/QĐ-UBND", "06/CT-UBND")) {
            assertTrue(found.contains(n), n);
        }
    }

    private static void assertCites(String prefix, List<String> expected) throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "no ../shared/seeds in this checkout");
        Path seed;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seed = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        }
        assumeTrue(seed != null, "seed " + prefix + "* missing");
        List<Citation> found = CitationExtractor.extract(read(seed));
        assertEquals(expected, CitationExtractorTest.withDates(found), seed.getFileName().toString());
        // The seeds write every number in its standard form already.
        found.forEach(c -> assertEquals(c.normalized(), c.raw()));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
