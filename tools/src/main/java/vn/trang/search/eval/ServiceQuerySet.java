package vn.trang.search.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import vn.trang.index.DocumentKeys;
import vn.trang.index.SearchDocument;
import vn.trang.text.JsonReader;

/**
 * The national procedures (tthc-dichvucong.jsonl.gz, one {@code {ma_thu_tuc, ten_thu_tuc, …}}
 * line each) as search items of type procedure, and a hand-made set of service queries over them
 * (query TAB expected ma_thu_tuc…). The same procedure is published once per level with the same
 * name ("Cấp lại thẻ căn cước" at cấp xã, "… (thực hiện tại cấp tỉnh)"): every procedure with the
 * same {@linkplain #sameName name} as an expected one is relevant.
 */
public final class ServiceQuerySet {

    /** A trailing "(thực hiện tại …)" or "(cấp …)", which only says at which level. */
    private static final Pattern LEVEL = Pattern.compile("\\s*\\((thực hiện tại|cấp)[^)]*\\)\\s*$");
    private static final Pattern FORM = Pattern.compile("^thủ tục\\s+");

    private final List<SearchDocument> procedures;
    private final Map<String, String> nameOf;

    private ServiceQuerySet(List<SearchDocument> procedures, Map<String, String> nameOf) {
        this.procedures = List.copyOf(procedures);
        this.nameOf = Map.copyOf(nameOf);
    }

    /** Reads the procedures: title = ten_thu_tuc; body = steps, ways, papers, conditions, result. */
    public static ServiceQuerySet read(Path gz) throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> m = JsonReader.object(line);
                String code = text(m, "ma_thu_tuc");
                String title = text(m, "ten_thu_tuc");
                if (code.isEmpty() || names.containsKey(code)) {
                    continue;
                }
                names.put(code, sameName(title));
                String body = String.join("\n", text(m, "trinh_tu_thuc_hien"), text(m, "cach_thuc_thuc_hien"),
                        text(m, "thanh_phan_ho_so"), text(m, "yeu_cau_dieu_kien"), text(m, "ket_qua_xu_ly"));
                List<String> meta = new ArrayList<>();
                for (String k : List.of("linh_vuc", "co_quan_co_tham_quyen")) {
                    if (!text(m, k).isEmpty()) {
                        meta.add(text(m, k));
                    }
                }
                docs.add(new SearchDocument(code, title, meta, "", body, DocumentKeys.ofCode(code).stream().toList(),
                        "quoc-gia", "Cổng Dịch vụ công quốc gia", "procedure", List.of(), null, null, null, null,
                        null, code));
            }
        }
        return new ServiceQuerySet(docs, names);
    }

    public List<SearchDocument> procedures() {
        return procedures;
    }

    /** A title compared without case, a leading "Thủ tục", a trailing level and full stop. */
    static String sameName(String title) {
        String s = title.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        s = LEVEL.matcher(s).replaceAll("");
        s = FORM.matcher(s).replaceAll("");
        return s.endsWith(".") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /** The queries of a set (query TAB codes…; # comments), each relevant to every same-name procedure. */
    public List<EvalQuery> queries(InputStream tsv) throws IOException {
        List<EvalQuery> out = new ArrayList<>();
        int n = 0;
        for (String line : new String(tsv.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            Set<String> names = new LinkedHashSet<>();
            for (String code : c[1].strip().split("\\s+")) {
                String name = nameOf.get(code);
                if (name == null) {
                    throw new IOException("no procedure " + code + " for: " + line);
                }
                names.add(name);
            }
            List<String> relevant = nameOf.entrySet().stream().filter(e -> names.contains(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            out.add(new EvalQuery("s" + (++n), c[0].strip(), relevant));
        }
        return out;
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v).strip();
    }
}
