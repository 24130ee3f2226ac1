package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.model.ImplementingLevel;
import vn.trang.model.Procedure;
import vn.trang.model.ProcedureAgencies;
import vn.trang.model.ServiceLevel;
import vn.trang.procedure.ProcedureStatistics.Row;

/** Counts by service level, online share, per field, implementing level and agency. */
class ProcedureStatisticsTest {

    static Procedure p(String field, ServiceLevel level, List<ImplementingLevel> levels, String... agencies) {
        return new Procedure(null, "1.000001", null, field, level, levels, null, List.of(), List.of(), List.of(), List.of(),
                new ProcedureAgencies(List.of(agencies), List.of(), List.of(), List.of()), null, List.of(), List.of(), null,
                null, List.of(), level.fullyOnline() ? "https://dichvucong.gov.vn/" : null, null, List.of());
    }

    static final List<ImplementingLevel> TINH = List.of(ImplementingLevel.PROVINCE);
    static final List<ImplementingLevel> XA = List.of(ImplementingLevel.COMMUNE);

    static List<Procedure> sample() {
        List<Procedure> all = new ArrayList<>();
        all.add(p("Hộ tịch", ServiceLevel.FULL, XA, "Ủy ban nhân dân cấp xã"));
        all.add(p("Hộ tịch", ServiceLevel.PARTIAL, XA, "Ủy ban nhân dân cấp xã"));
        all.add(p("Chứng thực", ServiceLevel.LEVEL_4, List.of(ImplementingLevel.PROVINCE, ImplementingLevel.COMMUNE),
                "Sở Tư pháp", "Ủy ban nhân dân cấp xã"));
        all.add(p("Hoạt động xây dựng", ServiceLevel.LEVEL_3, TINH, "Sở Xây dựng"));
        all.add(p("Ấn phẩm", ServiceLevel.LEVEL_2, TINH, "Sở Văn hóa"));
        all.add(p("Đất đai", ServiceLevel.INFORMATION, List.of()));
        return all;
    }

    @Test
    void byServiceLevelCountsLegacyLevelsUnderTheCurrentOnes() {
        ProcedureStatistics s = ProcedureStatistics.of(sample());
        assertEquals(6, s.total());
        assertEquals(List.of("toan-trinh:2", "mot-phan:2", "thong-tin:2"),
                s.byServiceLevel().stream().map(r -> r.id() + ":" + r.count()).toList());
        assertEquals(List.of("Dịch vụ công trực tuyến toàn trình", "Dịch vụ công trực tuyến một phần",
                "Cung cấp thông tin trực tuyến"), s.byServiceLevel().stream().map(Row::label).toList());
        assertEquals(0, s.count(ServiceLevel.LEVEL_3));
    }

    @Test
    void onlineShareCountsToanTrinhAndMotPhanWithLevels3And4() {
        ProcedureStatistics s = ProcedureStatistics.of(sample());
        assertEquals(4, s.online());
        assertEquals("66,7%", s.onlinePercentLabel());
        assertEquals(2, s.fullyOnline());
        assertEquals("33,3%", s.fullyOnlinePercentLabel());
    }

    @Test
    void fieldsByCountThenVietnameseOrder() {
        ProcedureStatistics s = ProcedureStatistics.of(sample());
        assertEquals(List.of("Hộ tịch", "Ấn phẩm", "Chứng thực", "Đất đai", "Hoạt động xây dựng"),
                s.byField().stream().map(Row::label).toList());
        Row first = s.byField().get(0);
        assertEquals("ho-tich", first.id());
        assertEquals(2, first.count());
        assertEquals("33,3%", first.percentLabel());
    }

    @Test
    void implementingLevelsCountEachLevelOfAProcedure() {
        ProcedureStatistics s = ProcedureStatistics.of(sample());
        assertEquals(List.of("tinh:3", "xa:3", "chua-xac-dinh:1"),
                s.byImplementingLevel().stream().map(r -> r.id() + ":" + r.count()).toList());
    }

    @Test
    void agenciesByCount() {
        ProcedureStatistics s = ProcedureStatistics.of(sample());
        assertEquals(List.of("Ủy ban nhân dân cấp xã:3", "Sở Tư pháp:1", "Sở Văn hóa:1", "Sở Xây dựng:1", "Chưa xác định:1"),
                s.byAgency().stream().map(r -> r.label() + ":" + r.count()).toList());
    }

    @Test
    void noProcedures() {
        ProcedureStatistics s = ProcedureStatistics.of(List.of());
        assertEquals(0, s.total());
        assertEquals("0%", s.onlinePercentLabel());
        assertEquals(List.of(), s.byField());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"46|46%", "45.83|45,8%", "0.04|0%", "0.36|0,4%", "100|100%", "99.96|100%"})
    void percentLabels(double percent, String label) {
        assertEquals(label, ProcedureStatistics.percentLabel(percent));
    }

    @Test
    void theSeedsFigure() {
        // Seed 004: 819 services at level 3–4 of 1,780: 46%.
        List<Procedure> all = new ArrayList<>();
        for (int i = 0; i < 1780; i++) {
            all.add(p("Lĩnh vực", i < 819 ? ServiceLevel.LEVEL_3 : ServiceLevel.LEVEL_2, TINH));
        }
        ProcedureStatistics s = ProcedureStatistics.of(all);
        assertEquals(819, s.online());
        assertEquals("46%", s.onlinePercentLabel());
    }
}
