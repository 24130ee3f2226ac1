package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * An incremental build (the build cache, the output updated in place)
 * writes exactly what a whole build without cache writes. The demo province is copied to a temp
 * folder; rounds of random edits, deletions, renames, additions, attachment, site, template and
 * UI-string changes follow, and after each round both builds run and every file of the two
 * outputs is compared byte for byte (the Lucene index excepted: it stamps random segment ids;
 * its document count is compared instead).
 */
class IncrementalBuildTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 1);

    @Test
    void incrementalBuildsEqualFullBuilds(@TempDir Path tmp) throws IOException {
        Path root = DemoRepository.copy(tmp);
        Path inc = tmp.resolve("public");
        Random rnd = new Random(20260101L);
        BuildResult first = build(root, inc, true);
        assertTrue(first.ok(), () -> OutputTrees.errors(first));
        compare(root, inc, tmp.resolve("full-0"));

        int rounds = Integer.getInteger("trang.incremental.rounds", 10);
        for (int round = 1; round <= rounds; round++) {
            Map<String, FileTime> before = OutputTrees.times(inc);
            List<String> did = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                did.add(mutate(root, rnd, round * 10 + k));
            }
            BuildResult r = build(root, inc, true);
            BuildResult full = build(root, tmp.resolve("full-" + round), false);
            assertEquals(full.ok(), r.ok(), () -> "round " + did + ": " + OutputTrees.errors(r) + " / " + OutputTrees.errors(full));
            assertEquals(full.diagnostics().list(), r.diagnostics().list(), () -> "diagnostics differ after " + did);
            if (full.ok()) {
                assertEquals(full.files(), r.files());
                OutputTrees.assertSameTree(tmp.resolve("full-" + round), inc, did);
                Map<String, FileTime> after = OutputTrees.times(inc);
                long kept = after.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
                System.out.println("round " + round + " " + did + ": " + kept + "/" + after.size() + " files kept");
            }
            OutputSwapAccess.deleteTree(tmp.resolve("full-" + round));
        }
        // and a cached build into a new folder (whole mode, index reused) agrees too
        Path fresh = tmp.resolve("fresh");
        BuildResult r = build(root, fresh, true);
        assertTrue(r.ok(), () -> OutputTrees.errors(r));
        BuildResult last = build(root, tmp.resolve("full-last"), false);
        assertTrue(last.ok(), () -> OutputTrees.errors(last));
        OutputTrees.assertSameTree(tmp.resolve("full-last"), fresh, List.of("new output folder"));
    }

    /** An edit with nothing changed renders nothing and keeps every file as it was. */
    @Test
    void unchangedSourcesKeepEveryFile(@TempDir Path tmp) throws IOException {
        Path root = DemoRepository.copy(tmp);
        Path out = tmp.resolve("public");
        assertTrue(build(root, out, true).ok());
        Map<String, FileTime> before = OutputTrees.times(out);
        BuildResult again = build(root, out, true);
        assertTrue(again.ok());
        assertEquals(before, OutputTrees.times(out));
    }

    /**
     * A news edit leaves the open-data exports (documents, procedures) alone: they are
     * not made again, so their files keep their times; and one that reads the edited item is.
     */
    @Test
    void exportsAreRemadeOnlyWhenTheirInputsChange(@TempDir Path tmp) throws IOException {
        Path root = DemoRepository.copy(tmp);
        Path out = tmp.resolve("public");
        assertTrue(build(root, out, true).ok());
        Map<String, FileTime> before = OutputTrees.times(out);
        List<String> exports = before.keySet().stream()
                .filter(p -> p.matches(".*/(van-ban|thu-tuc)\\.(json|csv)")).sorted().toList();
        assertTrue(exports.size() >= 4, exports::toString);

        Path news;
        try (var s = Files.list(root.resolve("content/so-tu-phap/tin-tuc"))) {
            news = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(news, Files.readString(news) + "\n\nĐoạn bổ sung.\n");
        assertTrue(build(root, out, true).ok());
        Map<String, FileTime> afterNews = OutputTrees.times(out);
        for (String e : exports) {
            assertEquals(before.get(e), afterNews.get(e), e + " was made again after a news edit");
        }

        Path doc;
        try (var s = Files.list(root.resolve("content/so-tu-phap/van-ban"))) {
            doc = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(doc, Files.readString(doc).replaceFirst("(?m)^summary: (.*)$", "summary: $1 (sửa)"));
        assertTrue(build(root, out, true).ok());
        Map<String, FileTime> afterDoc = OutputTrees.times(out);
        String own = exports.stream().filter(e -> e.startsWith("so-tu-phap/van-ban/van-ban.json")).findFirst().orElseThrow();
        assertNotEquals(afterNews.get(own), afterDoc.get(own), "the department's document export reads the edited summary");
        assertTrue(Files.readString(out.resolve(own)).contains("(sửa)"));
        OutputTrees.assertSameTree(compareFull(root, tmp), out, List.of("document edit"));
    }

    /**
     * Items are fingerprinted from their parse identity plus what linking derived. A
     * document whose own file did not change still shows what another one says of it: changing
     * the part repealed in 07/2025/QĐ-UBND re-renders 09/2021/QĐ-UBND's page.
     */
    @Test
    void whatLinkingDerivesFromOtherFilesReRendersThePage(@TempDir Path tmp) throws IOException {
        Path root = DemoRepository.copy(tmp);
        Path out = tmp.resolve("public");
        assertTrue(build(root, out, true).ok());
        String repealedPage;
        try (Stream<Path> s = Files.walk(out)) {
            repealedPage = s.map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith("09-2021-qd-ubnd/index.html")).findFirst().orElseThrow();
        }
        String before = Files.readString(out.resolve(repealedPage));
        assertTrue(before.contains("Điều 8, Điều 12 của Quy chế"), "the demo's partial repeal is shown");

        Path repealing = root.resolve("content/tinh/van-ban/07-2025-qd-ubnd.md");
        Files.writeString(repealing, Files.readString(repealing)
                .replace("note: Điều 8, Điều 12 của Quy chế", "note: Điều 12 của Quy chế"));
        assertTrue(build(root, out, true).ok());
        String after = Files.readString(out.resolve(repealedPage));
        assertTrue(after.contains("Điều 12 của Quy chế") && !after.contains("Điều 8, Điều 12 của Quy chế"), after);
        OutputTrees.assertSameTree(compareFull(root, tmp), out, List.of("relation note edit"));
    }

    private static Path compareFull(Path root, Path tmp) {
        Path full = tmp.resolve("full");
        assertTrue(build(root, full, false).ok());
        return full;
    }

    /** Keeps the temp folder small between rounds. */
    private static final class OutputSwapAccess {
        static void deleteTree(Path p) {
            vn.trang.files.OutputSwap.deleteTree(p);
        }
    }

    /**
     * Every attachment the demo names is a dependency of its item: growing each one in turn makes
     * the cached build publish the new size and SHA-256, as a build without cache does.
     */
    @Test
    void everyEditedAttachmentIsSeen(@TempDir Path tmp) throws IOException {
        Path root = DemoRepository.copy(tmp);
        Path inc = tmp.resolve("public");
        assertTrue(build(root, inc, true).ok());
        List<Path> attachments;
        try (Stream<Path> s = Files.walk(root.resolve("content"))) {
            attachments = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(pdf|docx?)$"))
                    .sorted().toList();
        }
        assertTrue(attachments.size() >= 2, attachments::toString);
        int round = 0;
        for (Path a : attachments) {
            Files.write(a, ("thay đổi " + round).getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
            BuildResult r = build(root, inc, true);
            Path full = tmp.resolve("full-" + round++);
            BuildResult f = build(root, full, false);
            assertTrue(r.ok() && f.ok(), () -> OutputTrees.errors(r) + OutputTrees.errors(f));
            OutputTrees.assertSameTree(full, inc, List.of("attachment " + root.relativize(a)));
            OutputSwapAccess.deleteTree(full);
        }
    }

    private static BuildResult build(Path root, Path out, boolean cache) {
        return new Builder().build(new BuildOptions(root, out, null, "default", 2, AS_OF).withCache(cache));
    }

    private static void compare(Path root, Path inc, Path full) throws IOException {
        BuildResult r = build(root, full, false);
        assertTrue(r.ok(), () -> OutputTrees.errors(r));
        OutputTrees.assertSameTree(full, inc, List.of("first build"));
    }

    // ---- mutations -------------------------------------------------------------------------

    private static String mutate(Path root, Random rnd, int tag) throws IOException {
        List<Path> md = OutputTrees.markdown(root);
        Path f = md.get(rnd.nextInt(md.size()));
        String rel = root.relativize(f).toString();
        String text = Files.readString(f);
        switch (rnd.nextInt(12)) {
            case 0, 1 -> {
                if (text.substring(text.indexOf("\n---", 3) + 4).isBlank()) {
                    return "skip edit " + rel; // a metadata-only document: a body would make it a full one
                }
                // body edit, sometimes citing a document of the catalog
                String add = rnd.nextBoolean() ? "\n\nĐoạn bổ sung số " + tag + ".\n"
                        : "\n\nThực hiện Chỉ thị số 06/CT-UBND ngày 19/4/2019 của Ủy ban nhân dân tỉnh (lần " + tag + ").\n";
                Files.writeString(f, text + add);
                return "edit body " + rel;
            }
            case 2 -> {
                String t = text.replaceFirst("(?m)^title: (.*)$", "title: $1 – cập nhật " + tag);
                Files.writeString(f, t);
                return "retitle " + rel;
            }
            case 3 -> {
                String t = text.replaceFirst("(?m)^date: (\\d{4})-", "date: 2019-");
                Files.writeString(f, t);
                return "redate " + rel;
            }
            case 4 -> {
                if (f.getFileName().toString().equals("gioi-thieu.md") || rel.contains("/van-ban/")) {
                    return "skip delete " + rel; // documents are cited by number everywhere: keep them
                }
                Files.delete(f);
                return "delete " + rel;
            }
            case 5 -> {
                String name = f.getFileName().toString();
                if (name.equals("gioi-thieu.md")) {
                    return "skip rename " + rel;
                }
                Path to = f.resolveSibling(name.replace(".md", "-" + tag + ".md"));
                Files.move(f, to);
                return "rename " + rel + " → " + to.getFileName();
            }
            case 6 -> {
                Path dir = root.resolve("content").resolve(pickSite(root, rnd)).resolve("tin-tuc");
                Files.createDirectories(dir);
                Path n = dir.resolve("tin-moi-" + tag + ".md");
                Files.writeString(n, """
                        ---
                        title: Tin mới số %d về chuyển đổi số
                        date: 2025-0%d-1%d 08:30
                        summary: Tin thêm vào trong phép thử số %d.
                        ---

                        Nội dung tin %d, dẫn Chỉ thị số 06/CT-UBND.
                        """.formatted(tag, 1 + rnd.nextInt(9), rnd.nextInt(10), tag, tag));
                return "add " + root.relativize(n);
            }
            case 7 -> {
                Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - rnd.nextInt(1_000_000_000)));
                return "touch " + rel;
            }
            case 8 -> {
                Path site = root.resolve("sites").resolve(pickSite(root, rnd) + ".yml");
                String y = Files.readString(site);
                y = y.contains("\ndescription:") ? y.replaceFirst("(?m)^description: (.*)$", "description: $1 Cập nhật " + tag + ".")
                        : y + "description: Mô tả số " + tag + ".\n";
                Files.writeString(site, y);
                return "site " + root.relativize(site);
            }
            case 9 -> {
                Path tpl = root.resolve("themes/default/templates/layout.ftlh");
                if (!Files.exists(tpl)) {
                    return "skip template";
                }
                Files.writeString(tpl, Files.readString(tpl) + "\n<#-- " + tag + " -->\n");
                return "template";
            }
            case 10 -> {
                Path vi = root.resolve("themes/default/i18n/messages_vi.properties");
                String p = Files.readString(vi, StandardCharsets.UTF_8);
                String key = p.lines().filter(l -> l.startsWith("home =")).findFirst().orElse(null);
                if (key == null) {
                    return "skip strings";
                }
                Files.writeString(vi, p.replace(key, key + " " + tag), StandardCharsets.UTF_8);
                return "strings";
            }
            default -> {
                // an attachment changes (a document's PDF, a procedure's form)
                try (Stream<Path> s = Files.walk(root.resolve("content"))) {
                    List<Path> att = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
                    if (att.isEmpty()) {
                        return "skip attachment";
                    }
                    Path a = att.get(rnd.nextInt(att.size()));
                    byte[] b = Files.readAllBytes(a);
                    byte[] c = Arrays.copyOf(b, b.length + 1);
                    c[b.length] = (byte) tag;
                    Files.write(a, c);
                    return "attachment " + root.relativize(a);
                }
            }
        }
    }

    private static String pickSite(Path root, Random rnd) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("sites"))) {
            List<String> ids = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            return ids.get(rnd.nextInt(ids.size()));
        }
    }

    // ---- comparison ------------------------------------------------------------------------
}
