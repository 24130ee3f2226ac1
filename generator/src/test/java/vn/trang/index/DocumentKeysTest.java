package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Number and code keys agree between what editors write and what citizens type. */
class DocumentKeysTest {

    private static final String KEY = DocumentKeys.ofNumber("06/CT-UBND").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"06/CT-UBND", "06/ct-ubnd", "6/CT-UBND", "6/CT\u2013UBND", "Số: 06/CT-UBND",
            "06 / CT - UBND", "chỉ thị 06/CT-UBND", "Chỉ thị số 06/CT-UBND ngày 19/4/2019", "(06/CT-UBND)"})
    void queriesFindTheNumber(String query) {
        assertTrue(DocumentKeys.inQuery(query).contains(KEY), () -> query + " → " + DocumentKeys.inQuery(query));
    }

    @Test
    void legalNumbersWithYearAndDStroke() {
        assertEquals(DocumentKeys.ofNumber("28/2025/QĐ-UBND"), DocumentKeys.ofNumber("28/2025/qd-ubnd"));
        assertTrue(DocumentKeys.inQuery("quyết định 28/2025/qđ-ubnd").contains(DocumentKeys.ofNumber("28/2025/QĐ-UBND").orElseThrow()));
    }

    @Test
    void proceduresCodes() {
        assertEquals("ma:1.000894", DocumentKeys.ofCode(" 1.000894 ").orElseThrow());
        assertEquals(List.of("ma:1.000894"), DocumentKeys.inQuery("thủ tục 1.000894"));
        assertTrue(DocumentKeys.ofCode("1.000").isEmpty(), "a price, not a code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"giấy phép xây dựng", "", "năm 2025", "1.000.000 đồng", "19/4/2019", "1/2"})
    void freeTextHasNoKeys(String query) {
        assertEquals(List.of(), DocumentKeys.inQuery(query), query);
    }

    @Test
    void unusualNumbersStillGetAKey() {
        assertEquals("so:abc-xyz/1", DocumentKeys.ofNumber("ABC-XYZ/1").orElseThrow());
    }
}
