package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.trang.editor.EditorConfigs.collection;
import static vn.trang.editor.EditorConfigs.field;
import static vn.trang.editor.EditorConfigs.fields;
import static vn.trang.editor.EditorConfigs.optionValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.legal.DocumentNumber;
import vn.trang.legal.DocumentTypes;
import vn.trang.model.ChannelType;
import vn.trang.model.DocumentStatus;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.NewsCategory;
import vn.trang.model.Section;
import vn.trang.parse.schema.CommonFields;
import vn.trang.parse.schema.ItemSchema;
import vn.trang.parse.schema.Schemas;
import vn.trang.pipeline.BuildResult;
import vn.trang.yaml.Field;

/**
 * The editor's config.yml, as a build writes it and Decap reads it, against the schemas the
 * parser checks content with: the same keys, required alike, the same choices, the same number
 * format.
 */
class EditorConfigTest {

    @TempDir
    static Path tmp;
    static Map<String, Object> config;
    static Path out;

    @BeforeAll
    static void build() {
        Fixture f = Fixture.standard(tmp)
                .document(Fixture.DEPT, "06-ct-ubnd", "06/CT-UBND", "Chỉ thị", "2025-04-19")
                .document(Fixture.PORTAL, "25-2025-qd-ubnd", "25/2025/QĐ-UBND", "Quyết định", "2025-05-02")
                .document(Fixture.COMMUNE, "01-kh-ubnd", "01/KH-UBND", "Kế hoạch", "2025-06-02");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
        out = f.out();
        config = EditorConfigs.read(out, Fixture.DEPT + "/");
    }

    /** Each key as the parser reads it in this section, required or not. */
    private static Map<String, Boolean> schemaKeys(Section s) {
        ItemSchema schema = Schemas.of(s);
        Map<String, Boolean> keys = new TreeMap<>();
        for (Field f : CommonFields.FIELDS) {
            boolean required = switch (f.key()) {
                case "title" -> schema.titleRequired();
                case "summary" -> schema.summaryRequired();
                case "date" -> schema.dateRequired();
                default -> f.required();
            };
            keys.put(f.key(), required);
        }
        for (Field f : schema.fields()) {
            keys.put(f.key(), f.required());
        }
        return keys;
    }

    @Test
    void everySectionIsACollectionWithEveryKeyOfItsSchemaAndNoOther() {
        for (Section s : Section.values()) {
            Map<String, Object> c = collection(config, s.folder());
            Map<String, Boolean> inConfig = new TreeMap<>();
            for (Map<String, Object> w : fields(c)) {
                if (!w.get("name").equals("body")) {
                    inConfig.put((String) w.get("name"), (Boolean) w.get("required"));
                }
            }
            assertEquals(schemaKeys(s), inConfig, s.folder() + ": keys and whether each is required");
            assertEquals("markdown", field(c, "body").get("widget"));
            assertEquals("content/" + Fixture.DEPT + "/" + s.folder(), c.get("folder"));
            assertEquals(true, c.get("create"));
            assertEquals("yaml-frontmatter", c.get("format"));
        }
        assertEquals(Section.values().length, ((List<?>) config.get("collections")).size());
    }

    @Test
    void retiredProcedureKeysAreNotOffered() {
        Map<String, Object> c = collection(config, "thu-tuc");
        for (Field old : Schemas.of(Section.PROCEDURES).retired()) {
            assertTrue(fields(c).stream().noneMatch(w -> w.get("name").equals(old.key())), old.key());
        }
        assertFalse(Schemas.of(Section.PROCEDURES).retired().isEmpty());
    }

    @Test
    void enumerationsAreSelectsOfExactlyTheirValues() {
        Map<String, Object> news = collection(config, "tin-tuc");
        Map<String, Object> docs = collection(config, "van-ban");
        Map<String, Object> procs = collection(config, "thu-tuc");
        assertSelect(field(news, "category"), Arrays.stream(NewsCategory.values()).map(NewsCategory::id).toList());
        assertSelect(field(docs, "doc_type"), DocumentTypes.names());
        assertSelect(field(docs, "status"), Arrays.stream(DocumentStatus.values()).map(DocumentStatus::label).toList());
        assertSelect(field(procs, "level"), List.of("toan-trinh", "mot-phan", "thong-tin"));
        Map<String, Object> implementing = field(procs, "implementing_level");
        assertSelect(implementing, Arrays.stream(ImplementingLevel.values()).map(ImplementingLevel::id).toList());
        assertEquals(true, implementing.get("multiple"));
        assertSelect(field(field(procs, "channels"), "type"),
                Arrays.stream(ChannelType.values()).map(ChannelType::id).toList());
        assertTrue(DocumentTypes.names().containsAll(List.of("Luật", "Công văn", "Quyết định", "Kết luận")));
    }

    private static void assertSelect(Map<String, Object> w, List<String> values) {
        assertEquals("select", w.get("widget"), () -> w.get("name") + " is a select");
        assertEquals(values, optionValues(w), () -> w.get("name") + "'s options");
    }

    @Test
    void datesUseTheFormatsTheParserReads() {
        Map<String, Object> news = collection(config, "tin-tuc");
        assertEquals("datetime", field(news, "date").get("widget"));
        assertEquals("YYYY-MM-DD HH:mm", field(news, "date").get("format"));
        assertEquals("YYYY-MM-DD", field(news, "updated").get("format"));
        assertEquals(false, field(news, "updated").get("time_format"));
        assertEquals("YYYY-MM-DD", field(collection(config, "van-ban"), "issued").get("format"));
        assertEquals("YYYY-MM-DD", field(collection(config, "du-thao"), "closes").get("format"));
    }

    @Test
    void theNumberPatternAcceptsWhatTheParserAccepts() {
        @SuppressWarnings("unchecked")
        List<String> pattern = (List<String>) field(collection(config, "van-ban"), "number").get("pattern");
        Pattern p = Pattern.compile(pattern.get(0));
        assertTrue(pattern.get(1).contains("số hiệu"), "a Vietnamese hint");
        List<String> samples = List.of("25/2025/QĐ-UBND", "06/CT-UBND", "1234/UBND-VX", "60-NQ/TW", "104/2016/QH13",
                "66.7/2025/NQ-CP", "15/2021/NĐ-CP", "05/2016/L-CTN", "abc", "2025-01-01", "1/2", "QĐ-UBND", "25/2025/",
                "25/2025/QĐ-UBND extra", "/CT-UBND", "06/CT-UBND-");
        for (String s : samples) {
            assertEquals(DocumentNumber.parse(s).isPresent(), p.matcher(s).find(), s);
        }
        // what the parser forgives (a "Số:" copied from the header, spaces, a typographic dash) the
        // editor asks to write as the parser prints it
        for (String s : List.of("Số: 06/CT-UBND", "12 / CT-UBND", "06/CT–UBND")) {
            assertFalse(p.matcher(s).find(), s);
            assertTrue(p.matcher(DocumentNumber.parse(s).orElseThrow().normalized()).find(), s);
        }
    }

    @Test
    void aProceduresDecisionAndBasesAcceptWhatTheParserKeeps() {
        Map<String, Object> procs = collection(config, "thu-tuc");
        for (Map<String, Object> w : List.of(field(procs, "decision"), field(field(procs, "legal_basis"), "number"))) {
            @SuppressWarnings("unchecked")
            Pattern p = Pattern.compile(((List<String>) w.get("pattern")).get(0));
            for (String s : List.of("1234/QĐ-UBND", "15/2021/NĐ-CP", "73-CP", "QĐ/0001-BCA", "abc", "1.000894",
                    "Quyết định 1234/QĐ-UBND", "12 /CT")) {
                boolean kept = DocumentNumber.parse(s).isPresent() && !s.contains(" ")
                        || vn.trang.parse.schema.DocumentNumbers.looksLikeNumber(s);
                assertEquals(kept, p.matcher(s).find(), s);
            }
        }
    }

    @Test
    void relationsPickFromTheWholeCatalogByNumberAndTitle() {
        Map<String, Object> relations = field(collection(config, "van-ban"), "relations");
        assertEquals("object", relations.get("widget"));
        List<String> keys = fields(relations).stream().map(w -> (String) w.get("name")).toList();
        assertEquals(Arrays.stream(vn.trang.model.RelationType.values()).map(vn.trang.model.RelationType::key).toList(),
                keys);
        for (Map<String, Object> type : fields(relations)) {
            if (!List.of("thay_the", "bai_bo", "dinh_chi").contains(type.get("name"))) {
                Map<String, Object> number = field(type, "number");
                assertEquals("select", number.get("widget"));
                assertEquals(List.of("01/KH-UBND", "06/CT-UBND", "25/2025/QĐ-UBND"), optionValues(number),
                        "every site's documents");
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) field(fields(relations).get(0), "number").get("options");
        assertEquals("06/CT-UBND — Trích yếu văn bản 06/CT-UBND", options.get(1).get("label"));
    }

    /**
     * Replacing, repealing and suspending are offered only for what the build lets this site do
     * (vn.trang.link.IssuingPower): the documents of the site itself and of the sites below it.
     */
    @Test
    void relationsThatEndADocumentOfferOnlyThoseOfThisSiteAndTheSitesBelow() {
        Map<String, List<String>> expected = Map.of(
                Fixture.DEPT + "/", List.of("06/CT-UBND"),
                Fixture.COMMUNE + "/", List.of("01/KH-UBND"),
                "", List.of("01/KH-UBND", "06/CT-UBND", "25/2025/QĐ-UBND"));
        expected.forEach((site, numbers) -> {
            Map<String, Object> relations = field(collection(EditorConfigs.read(out, site), "van-ban"), "relations");
            for (String key : List.of("thay_the", "bai_bo", "dinh_chi")) {
                Map<String, Object> number = field(field(relations, key), "number");
                assertEquals(numbers, optionValues(number), site + " " + key);
            }
        });
        String dept = Fixture.read(out.resolve(Fixture.DEPT + "/quan-tri/config.yml"));
        assertEquals(1, dept.split("&van-ban-trang-nay-va-cap-duoi\\b", -1).length - 1, "the shorter list is written once");
        assertTrue(field(field(field(collection(config, "van-ban"), "relations"), "thay_the"), "number").get("hint")
                .toString().contains("trang này hoặc trang cấp dưới"));
        String portal = Fixture.read(out.resolve("quan-tri/config.yml"));
        assertFalse(portal.contains("van-ban-trang-nay-va-cap-duoi"), "the portal may end any document: one list");
    }

    @Test
    void attachmentsAndImagesAreSavedBesideTheMarkdownFile() {
        for (String name : List.of("tin-tuc", "van-ban", "thu-tuc")) {
            Map<String, Object> c = collection(config, name);
            assertEquals("", c.get("media_folder"), name);
            assertEquals("", c.get("public_folder"), name);
        }
        assertEquals("image", field(collection(config, "tin-tuc"), "image").get("widget"));
        assertEquals("file", field(field(collection(config, "van-ban"), "files"), "file").get("widget"));
        assertEquals("file", field(field(collection(config, "thu-tuc"), "forms"), "file").get("widget"));
        Map<String, Object> papers = field(field(collection(config, "thu-tuc"), "dossier"), "papers");
        assertEquals("file", field(papers, "form").get("widget"));
    }

    @Test
    void vietnameseEditorialWorkflowWithALocalBackend() {
        assertEquals("vi", config.get("locale"));
        assertEquals("editorial_workflow", config.get("publish_mode"));
        assertEquals(true, config.get("local_backend"));
        @SuppressWarnings("unchecked")
        Map<String, Object> backend = (Map<String, Object>) config.get("backend");
        assertEquals("gitlab", backend.get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) backend.get("commit_messages");
        assertEquals("Tạo {{collection}} “{{slug}}”", messages.get("create"));
        assertEquals("Tin tức – Sự kiện", collection(config, "tin-tuc").get("label"));
        assertEquals("Tiêu đề", field(collection(config, "tin-tuc"), "title").get("label"));
    }

    @Test
    void servedForEditingTheConfigNamesTheBackendThatServeStarted(@TempDir Path dir) {
        Fixture f = Fixture.standard(dir);
        String api = "http://127.0.0.1:43117/api/v1";
        BuildResult r = new vn.trang.pipeline.Builder().build(
                vn.trang.pipeline.BuildOptions.defaults(f.root, f.out()).withEditorBackend(api));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        for (String site : List.of("", Fixture.DEPT + "/", Fixture.COMMUNE + "/")) {
            assertEquals(Map.of("url", api), EditorConfigs.read(f.out(), site).get("local_backend"), site);
        }
    }

    @Test
    void servedForEditingASiteWithItsOwnRepositoryKeepsItsServer() {
        vn.trang.model.Site own = new vn.trang.model.Site("so-a", "Sở Thử Nghiệm", "STN", vn.trang.model.SiteKind.DEPARTMENT,
                "tinh", "/so-a/", null, null, null, null, null, null, null, null, null, List.of(), List.of(),
                vn.trang.model.ThemeSettings.DEFAULT, "sites/so-a.yml",
                new vn.trang.model.GitSource("https://gitlab.bacninh.gov.vn/so-a/noi-dung.git", "main"),
                vn.trang.model.AccessPolicy.NONE);
        Widgets widgets = new Widgets(List.of(), List.of());
        // decap-server edits the project's repository, whose folders are not this site's
        assertFalse(EditorConfig.write(own, widgets, "http://127.0.0.1:43117/api/v1").contains("\nlocal_backend:"));
        assertTrue(EditorConfig.write(own, widgets).contains("\nlocal_backend: true\n"));
    }

    @Test
    void aSiteWhoseContentIsItsOwnRepositoryIsEditedThere() {
        Map<String, Object> backend = EditorConfig.backend(new vn.trang.model.GitSource(
                "https://gitlab.bacninh.gov.vn/so-tai-chinh/noi-dung.git", "xuat-ban"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "gitlab");
        expected.put("repo", "so-tai-chinh/noi-dung");
        expected.put("branch", "xuat-ban");
        expected.put("base_url", "https://gitlab.bacninh.gov.vn");
        expected.put("api_root", "https://gitlab.bacninh.gov.vn/api/v4");
        expected.put("auth_type", "pkce");
        expected.put("app_id", EditorConfig.PLACEHOLDER_APP_ID);
        expected.put("commit_messages", EditorConfig.commitMessages());
        assertEquals(expected, backend);
    }

    @Test
    void thePortalHasItsOwnEditor() {
        Path out = tmp.resolve("public");
        assertTrue(Files.isRegularFile(out.resolve("quan-tri/config.yml")));
        assertEquals("content/" + Fixture.PORTAL + "/tin-tuc", collection(EditorConfigs.read(out, ""), "tin-tuc").get("folder"));
    }
}
