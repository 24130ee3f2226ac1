package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.Item;
import vn.trang.model.Procedure;
import vn.trang.model.Section;
import vn.trang.model.ServiceLevel;
import vn.trang.parse.ContentParser;

/** The demo province's procedures (content/&#42;/thu-tuc/) use the full model, across levels and fields. */
class DemoProceduresTest {

    static List<Procedure> all = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        Diagnostics d = new Diagnostics();
        SiteRegistry registry = new SiteRegistryLoader().load(Fixture.REPO.resolve("sites"), Fixture.REPO, d)
                .orElseThrow(() -> new AssertionError(Diags.dump(d)));
        ContentParser parser = new ContentParser(new MarkdownRenderer());
        List<Path> files;
        try (Stream<Path> s = Files.walk(Fixture.REPO.resolve("content"))) {
            files = s.filter(p -> p.getParent().getFileName().toString().equals("thu-tuc") && p.toString().endsWith(".md"))
                    .sorted().toList();
        }
        for (Path p : files) {
            String site = p.getParent().getParent().getFileName().toString();
            String display = Fixture.REPO.relativize(p).toString();
            Diagnostics local = new Diagnostics();
            Item item = parser.parse(new SourceFile(registry.byId(site).orElseThrow(), Section.PROCEDURES, p, display), local)
                    .orElseThrow(() -> new AssertionError(display + Diags.dump(local)));
            assertTrue(local.list().isEmpty(), () -> Diags.dump(local));
            all.add((Procedure) item);
        }
    }

    @Test
    void everyDemoProcedureHasTheFullModel() {
        assertTrue(all.size() >= 25, "procedures: " + all.size());
        List<String> incomplete = new ArrayList<>();
        for (Procedure p : all) {
            List<String> missing = new ArrayList<>();
            if (p.steps().isEmpty()) {
                missing.add("steps");
            }
            if (p.channels().isEmpty()) {
                missing.add("channels");
            }
            if (p.dossier().isEmpty()) {
                missing.add("dossier");
            }
            if (p.targetGroups().isEmpty()) {
                missing.add("target_groups");
            }
            if (p.agency() == null) {
                missing.add("agencies.performing");
            }
            if (p.receptionAddress() == null) {
                missing.add("reception_address");
            }
            if (p.result() == null) {
                missing.add("result");
            }
            if (p.legalBasis().isEmpty()) {
                missing.add("legal_basis");
            }
            if (p.implementingLevels().isEmpty()) {
                missing.add("implementing_level");
            }
            if (!p.sample()) {
                missing.add("sample");
            }
            if (p.updated() == null) {
                missing.add("updated");
            }
            if (!missing.isEmpty()) {
                incomplete.add(p.meta().source() + ": " + missing);
            }
        }
        assertTrue(incomplete.isEmpty(), () -> String.join("\n", incomplete));
    }

    @Test
    void acrossLevelsFieldsAndSites() {
        Set<ServiceLevel> levels = all.stream().map(Procedure::serviceLevel).collect(Collectors.toSet());
        assertTrue(levels.containsAll(List.of(ServiceLevel.FULL, ServiceLevel.PARTIAL, ServiceLevel.INFORMATION)), levels::toString);
        assertTrue(levels.stream().anyMatch(ServiceLevel::legacy), "a legacy mức độ is shown too");
        Set<ImplementingLevel> implementing = all.stream().flatMap(p -> p.implementingLevels().stream()).collect(Collectors.toSet());
        assertTrue(implementing.containsAll(List.of(ImplementingLevel.PROVINCE, ImplementingLevel.COMMUNE)));
        Set<String> fields = all.stream().map(Procedure::field).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(fields.size() >= 12, fields::toString);
        assertTrue(all.stream().anyMatch(p -> !p.forms().isEmpty()), "some have downloadable forms");
        assertTrue(all.stream().anyMatch(Procedure::dossierHasCases), "some dossiers have cases");
    }

    @Test
    void priorityServicesOfSeed001() {
        String titles = all.stream().map(Procedure::title).collect(Collectors.joining("\n")).toLowerCase();
        for (String s : List.of("đăng ký thành lập", "giấy phép xây dựng", "tạm trú", "chứng thực", "lái xe", "dược")) {
            assertTrue(titles.contains(s), s);
        }
    }

    @Test
    void fullyOnlineLevelsHaveASubmissionUrl() {
        assertFalse(all.stream().anyMatch(p -> p.fullyOnline() && p.onlineUrl() == null));
        ProcedureStatistics s = ProcedureStatistics.of(all);
        assertTrue(s.online() > 0 && s.online() < s.total(), s::toString);
    }
}
