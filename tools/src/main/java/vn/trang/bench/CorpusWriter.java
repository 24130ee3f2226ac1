package vn.trang.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

import vn.trang.bench.BenchCorpus.CItem;
import vn.trang.bench.BenchCorpus.CSite;
import vn.trang.bench.BenchCorpus.Kind;
import vn.trang.files.OutputSwap;
import vn.trang.text.Json;

/**
 * Writes a {@link BenchCorpus} as a Trang project: {@code sites/<id>.yml},
 * {@code content/<id>/<section>/<slug>.md}, a copy of the theme, and {@code manifest.json}
 * with the harness's counts. The harness's fields map to Trang's keys as follows:
 *
 * <ul>
 * <li>sites: the portal is at {@code /} (the harness's {@code /tinh/}); every other unit at
 * {@code /<id>/}. Trang's required contact fields (address, phone, e-mail; the portal's host)
 * are made from the id, without drawing from the generator; the three signers of each unit are
 * its leaders.</li>
 * <li>news: title, date, summary, author.</li>
 * <li>documents: {@code doc_number} → {@code number}, {@code issued_date} → {@code issued},
 * {@code effective_date} → {@code effective}, {@code field} → {@code fields: [..]}; the year is
 * derived. Trang derives a document's status from its dates, so the harness's status is kept
 * and made consistent: "Hết hiệu lực toàn bộ" gets an {@code expires} date, and the two statuses
 * no date can express ("Hết hiệu lực một phần", "Chưa có hiệu lực") are declared without an
 * effective date, which Trang keeps as declared.</li>
 * <li>procedures: {@code procedure_code} → {@code code}, {@code level} (1–4) → legacy
 * {@code level}, with an {@code online_url} for levels 3 and 4 as Trang requires;
 * {@code processing_time} and {@code fees} → one row of {@code channels} per way of
 * submitting (the three the body's table lists), {@code agency} → {@code agencies.performing},
 * {@code required_documents} → {@code dossier}.</li>
 * <li>every page gets its harness slug as {@code slug:} (titles repeat; the id keeps URLs apart).</li>
 * </ul>
 * The Markdown bodies are the harness's (see {@link BenchCorpus} for the numbers).
 */
public final class CorpusWriter {

    /** The marker file: regenerating with the same key is skipped unless forced. */
    public static final String MARKER = ".trang-corpus";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final LocalDate LAST_EXPIRY = LocalDate.of(2025, 7, 31);
    private static final String HOST = "dongson.trang-bench.vn";

    /** What was written. */
    public record Summary(boolean cached, int pages, int sites, long bodyBytes, long words, Path dir) {
    }

    private final BenchCorpus corpus;

    public CorpusWriter(BenchCorpus corpus) {
        this.corpus = corpus;
    }

    public static String key(int pages, long seed, boolean harnessNumbers) {
        return "trang-bench v" + BenchCorpus.HARNESS_VERSION + " pages=" + pages + " seed=" + seed
                + (harnessNumbers ? " harness-numbers" : "");
    }

    /**
     * Writes the corpus into {@code out} (its content/ and sites/ are replaced) and copies the
     * theme folder {@code theme} to {@code out/themes/default}.
     */
    public Summary write(Path out, Path theme, int threads) throws IOException {
        Files.createDirectories(out);
        OutputSwap.deleteTree(out.resolve("content"));
        OutputSwap.deleteTree(out.resolve("sites"));
        Files.deleteIfExists(out.resolve(MARKER));
        Files.createDirectories(out.resolve("sites"));
        for (CSite s : corpus.sites) {
            Files.writeString(out.resolve("sites").resolve(s.slug + ".yml"), siteYaml(s), StandardCharsets.UTF_8);
            for (Kind k : Kind.values()) {
                Files.createDirectories(out.resolve("content").resolve(s.slug).resolve(k.folder));
            }
        }
        AtomicLong bytes = new AtomicLong();
        AtomicLong words = new AtomicLong();
        // Creating a file waits on the disk more than on the CPU: more threads than cores.
        ForkJoinPool pool = new ForkJoinPool(Math.max(16, threads));
        try {
            pool.submit(() -> corpus.items.parallelStream().forEach(it -> {
                BenchCorpus.Body body = corpus.body(it);
                bytes.addAndGet(body.markdown().getBytes(StandardCharsets.UTF_8).length);
                words.addAndGet(body.words());
                Path file = out.resolve("content").resolve(it.site.slug).resolve(it.kind.folder).resolve(it.slug + ".md");
                try {
                    Files.writeString(file, frontMatter(it) + "\n" + body.markdown(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
        copyTheme(theme, out);
        Files.writeString(out.resolve("manifest.json"), manifest(bytes.get(), words.get()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve(MARKER), key(corpus.pages, corpus.seed, corpus.harnessNumbers) + "\n", StandardCharsets.UTF_8);
        return new Summary(false, corpus.items.size(), corpus.sites.size(), bytes.get(), words.get(), out);
    }

    /** Whether {@code out} already holds this corpus (its marker names the same key). */
    public static boolean isComplete(Path out, int pages, long seed, boolean harnessNumbers) {
        try {
            return Files.readString(out.resolve(MARKER)).strip().equals(key(pages, seed, harnessNumbers));
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies (refreshes) the theme; cheap, so it is done even when the content is cached. */
    public static void copyTheme(Path theme, Path out) throws IOException {
        Path target = out.resolve("themes").resolve("default");
        OutputSwap.deleteTree(target);
        OutputSwap.copyTree(theme, target);
    }

    static String yq(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    String siteYaml(CSite s) {
        boolean portal = s.kind.equals("portal");
        String province = Vocabulary.PROVINCE_FULL;
        String owner = s.kind.equals("commune") ? s.issuer : "Ủy ban nhân dân " + province;
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(yq(s.name)).append('\n');
        y.append("short_name: ").append(yq(s.abbr)).append('\n');
        y.append("kind: ").append(s.kind).append('\n');
        if (!portal) {
            y.append("parent: ").append(s.parent).append('\n');
        }
        y.append("path: ").append(portal ? "/" : "/" + s.slug + "/").append('\n');
        if (portal) {
            y.append("host: ").append(HOST).append('\n');
        }
        y.append("owner: ").append(yq(owner)).append('\n');
        y.append("description: ").append(yq((portal ? "Cổng thông tin điện tử của " : "Trang thông tin điện tử của ")
                + s.issuer + " (dữ liệu tổng hợp để đo hiệu năng).")).append('\n');
        y.append("address: ").append(yq("Số " + (s.index + 1) + " đường Trung tâm hành chính, " + province)).append('\n');
        y.append("phone: ").append(yq(String.format("0299 3822 %03d", s.index))).append('\n');
        y.append("email: ").append(s.slug).append("@dongson.gov.vn\n");
        y.append("leaders:\n");
        String[] titles = switch (s.kind) {
            case "portal" -> new String[] {"Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"};
            case "department" -> new String[] {"Giám đốc", "Phó Giám đốc", "Phó Giám đốc"};
            default -> {
                String level = s.name.startsWith("Phường") ? "phường" : "xã";
                yield new String[] {"Chủ tịch UBND " + level, "Phó Chủ tịch UBND " + level, "Phó Chủ tịch UBND " + level};
            }
        };
        for (int i = 0; i < s.signers.size(); i++) {
            y.append("  - name: ").append(yq(s.signers.get(i))).append('\n');
            y.append("    title: ").append(yq(titles[i])).append('\n');
        }
        y.append("editors: []\n");
        return y.toString();
    }

    String frontMatter(CItem it) {
        List<String> l = new ArrayList<>();
        l.add("---");
        l.add("title: " + yq(it.title));
        l.add("slug: " + it.slug);
        l.add("date: " + it.date.format(DATE_TIME));
        switch (it.kind) {
            case NEWS -> {
                l.add("summary: " + yq(it.summary));
                l.add("author: " + yq(it.author));
            }
            case DOCUMENT -> {
                l.add("number: " + yq(it.docNumber));
                l.add("doc_type: " + yq(it.docType));
                l.add("issuer: " + yq(it.issuer));
                l.add("signer: " + yq(it.signer));
                l.add("issued: " + it.issued);
                boolean datable = it.status.equals("Còn hiệu lực") || it.status.equals("Hết hiệu lực toàn bộ");
                if (datable) {
                    l.add("effective: " + it.effective);
                }
                if (it.status.equals("Hết hiệu lực toàn bộ")) {
                    LocalDate expires = it.effective.plusYears(1);
                    l.add("expires: " + (expires.isAfter(LAST_EXPIRY) ? LAST_EXPIRY : expires));
                }
                l.add("status: " + yq(it.status));
                l.add("fields: [" + yq(it.field) + "]");
                l.add("summary: " + yq(it.summary));
            }
            case PROCEDURE -> {
                l.add("code: " + yq(it.code));
                l.add("field: " + yq(it.field));
                l.add("level: " + it.level);
                if (it.level >= 3) {
                    l.add("online_url: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="
                            + it.code);
                }
                l.add("steps:");
                for (String s : it.steps) {
                    l.add("  - " + yq(s));
                }
                l.add("channels:");
                for (String type : List.of("truc-tiep", "truc-tuyen", "buu-chinh")) {
                    l.add("  - type: " + type);
                    l.add("    processing_time: " + yq(it.processingTime));
                    l.add("    fee: " + yq(it.fees));
                }
                l.add("dossier:");
                for (String p : it.papers) {
                    l.add("  - name: " + yq(p));
                }
                l.add("agencies:");
                l.add("  performing: " + yq(it.agency));
                l.add("result: " + yq(it.result));
                l.add("summary: " + yq(it.summary));
            }
            default -> throw new IllegalStateException();
        }
        l.add("---");
        return String.join("\n", l) + "\n";
    }

    private String manifest(long bodyBytes, long words) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key(corpus.pages, corpus.seed, corpus.harnessNumbers));
        m.put("harness_generator_version", BenchCorpus.HARNESS_VERSION);
        m.put("pages", corpus.items.size());
        Map<String, Object> byType = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            byType.put(k.name().toLowerCase(java.util.Locale.ROOT), corpus.items.stream().filter(i -> i.kind == k).count());
        }
        m.put("by_type", byType);
        m.put("sites", corpus.sites.size());
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String k : List.of("portal", "department", "commune")) {
            byKind.put(k, corpus.sites.stream().filter(s -> s.kind.equals(k)).count());
        }
        m.put("sites_by_kind", byKind);
        m.put("sections", corpus.sites.size() * Kind.values().length);
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> fields = new TreeSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (CItem i : corpus.items) {
            if (i.kind == Kind.DOCUMENT) {
                types.add(i.docType);
                years.add(i.date.getYear());
            }
            if (i.kind != Kind.NEWS) {
                fields.add(i.field);
            }
        }
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("doc_type", types.size());
        terms.put("field", fields.size());
        terms.put("year", years.size());
        m.put("terms", terms);
        m.put("words_total", words);
        m.put("words_mean", Math.round((double) words / Math.max(1, corpus.items.size())));
        m.put("body_bytes_total", bodyBytes);
        return Json.write(m);
    }
}
