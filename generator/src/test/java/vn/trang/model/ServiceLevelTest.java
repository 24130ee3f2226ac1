package vn.trang.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The legacy mức độ of NĐ 43/2011 read as NĐ 42/2022's levels (docs/DOMAIN.md, "Online service level"). */
class ServiceLevelTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1          | thong-tin  | false | false",
            "muc-2      | thong-tin  | false | false",
            "3          | mot-phan   | true  | false",
            "muc-4      | toan-trinh | true  | true",
            "toan-trinh | toan-trinh | true  | true",
            "mot-phan   | mot-phan   | true  | false",
            "thong-tin  | thong-tin  | false | false"})
    void theTransitionTable(String declared, String current, boolean online, boolean fullyOnline) {
        ServiceLevel l = ServiceLevel.parse(declared).orElseThrow();
        assertEquals(current, l.current().id());
        assertEquals(online, l.online(), "online service in NĐ 42/2022's sense");
        assertEquals(fullyOnline, l.fullyOnline());
        assertFalse(l.current().legacy());
    }

    @Test
    void legacyLevelsAreKnownAsSuch() {
        assertTrue(ServiceLevel.LEVEL_3.legacy());
        assertEquals("Mức độ 3", ServiceLevel.LEVEL_3.label());
        assertFalse(ServiceLevel.PARTIAL.legacy());
    }

    @Test
    void editorsChooseFromTheCurrentLevelsOnly() {
        assertEquals(List.of(ServiceLevel.FULL, ServiceLevel.PARTIAL, ServiceLevel.INFORMATION), ServiceLevel.currentLevels());
    }
}
