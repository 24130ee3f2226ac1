package vn.trang.search.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.trang.index.DocumentKeys;
import vn.trang.index.SearchDocument;
import vn.trang.text.JsonReader;

/**
 * Reads an evaluation set: a corpus of {@code {id, title, text}} lines and queries of
 * {@code {id, text, relevant_ids}} lines (JSON Lines, UTF-8). Other keys are ignored. Corpus lines
 * become {@link SearchDocument}s — the title as the title, the text as the body — so the evaluation
 * runs the site's own schema, analysis and ranking.
 */
public final class EvalData {

    private EvalData() {
    }

    public static List<SearchDocument> corpus(Path file) throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        forEachLine(file, (line, m) -> docs.add(m.containsKey("url") ? item(m) : article(m, string(m, "id", file, line))));
        return docs;
    }

    /** An evaluation line {@code {id, title, text}}: the text is the body. */
    private static SearchDocument article(Map<String, Object> m, String id) {
        return new SearchDocument(id, optional(m, "title"), meta(m), "", optional(m, "text"), List.of(), "corpus",
                "corpus", "document", List.of(), null, null, null, null, null, null);
    }

    /**
     * A benchmark line with every field of an item (bench/search-corpus.py writes them): the same
     * values {@code ItemDocuments} takes from the content model, keys derived the same way.
     */
    private static SearchDocument item(Map<String, Object> m) {
        List<String> keys = new ArrayList<>();
        DocumentKeys.ofNumber(optionalOrNull(m, "number")).ifPresent(keys::add);
        DocumentKeys.ofCode(optionalOrNull(m, "code")).ifPresent(keys::add);
        String date = optionalOrNull(m, "date");
        Object year = m.get("year");
        return new SearchDocument(optional(m, "url"), optional(m, "title"), strings(m.get("meta")), optional(m, "summary"),
                optional(m, "body"), keys, optional(m, "site"), optionalOrNull(m, "site_name"), optional(m, "type"),
                strings(m.get("fields")), year instanceof Number n ? n.intValue() : null, optionalOrNull(m, "status"),
                optionalOrNull(m, "level"), date == null ? null : LocalDate.parse(date), optionalOrNull(m, "number"),
                optionalOrNull(m, "code"));
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().filter(o -> o != null).map(String::valueOf).toList() : List.of();
    }

    private static String optionalOrNull(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /**
     * What a legal corpus says about where an article stands, when its lines carry it: the law's
     * name ({@code law_id}) and the article's heading ("Điều 6"), as an article page of a document
     * shows them above the text. Put in the metadata values, like a document's number and issuer.
     */
    static List<String> meta(Map<String, Object> m) {
        List<String> meta = new ArrayList<>();
        Object law = m.get("law_id");
        if (law != null && !String.valueOf(law).isBlank()) {
            meta.add(String.valueOf(law));
        }
        Object article = m.get("article_id");
        if (article != null && !String.valueOf(article).isBlank()) {
            meta.add("Điều " + article);
        }
        return meta;
    }

    public static List<EvalQuery> queries(Path file) throws IOException {
        return queries(file, null);
    }

    /**
     * The queries of a file; with {@code onlyKey}, only the lines where that key is {@code true}
     * (ALQAC marks its 100 expert-verified questions {@code "expert_verified": true}).
     */
    public static List<EvalQuery> queries(Path file, String onlyKey) throws IOException {
        List<EvalQuery> queries = new ArrayList<>();
        forEachLine(file, (line, m) -> {
            if (onlyKey != null && !Boolean.TRUE.equals(m.get(onlyKey))) {
                return;
            }
            Object rel = m.get("relevant_ids");
            if (!(rel instanceof List<?> list)) {
                throw new IOException(file + ":" + line + ": thiếu relevant_ids (danh sách id của corpus)");
            }
            queries.add(new EvalQuery(string(m, "id", file, line), string(m, "text", file, line),
                    list.stream().map(String::valueOf).toList()));
        });
        return queries;
    }

    private interface LineHandler {
        void accept(int line, Map<String, Object> object) throws IOException;
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (s.isBlank()) {
                    continue;
                }
                Map<String, Object> m;
                try {
                    m = JsonReader.object(s);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
                }
                handler.accept(n, m);
            }
        }
    }

    private static String string(Map<String, Object> m, String key, Path file, int line) throws IOException {
        Object v = m.get(key);
        if (v == null) {
            throw new IOException(file + ":" + line + ": thiếu khóa \"" + key + "\"");
        }
        return String.valueOf(v);
    }

    private static String optional(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
