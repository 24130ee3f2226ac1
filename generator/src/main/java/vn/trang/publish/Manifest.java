package vn.trang.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import vn.trang.text.Json;
import vn.trang.text.JsonReader;

/**
 * What a release is: the source commit it was built from (and each remote source's commit), when
 * it was built, and every file with its size and SHA-256. Written into the release itself, at
 * {@value #PATH}, so a release folder, a deploy branch's tree or a copy on another server can
 * each be checked on their own ({@link #check}).
 *
 * @param release      the release id: build time (UTC) and the short source commit
 * @param sourceCommit the project repository's commit built
 * @param sources      site id → the commit of its remote source, for sites with one
 * @param buildTime    ISO-8601 UTC instant
 * @param asOf         the date document validity was derived for
 * @param files        every file of the release except the manifest, sorted by path ('/'-separated)
 */
public record Manifest(String release, String sourceCommit, Map<String, String> sources, String buildTime,
                       String asOf, String generator, List<FileEntry> files) {

    /** Where the manifest is inside a release. The web server must not serve {@code _trang/}. */
    public static final String PATH = "_trang/manifest.json";
    static final String FOLDER = "_trang";
    static final int FORMAT = 1;

    public Manifest {
        sources = Map.copyOf(sources);
        files = List.copyOf(files);
    }

    /** One file of a release. */
    public record FileEntry(String path, long size, String sha256) {
    }

    /** The files by path. */
    public Map<String, FileEntry> byPath() {
        Map<String, FileEntry> m = new HashMap<>();
        files.forEach(f -> m.put(f.path(), f));
        return m;
    }

    /** Lists and hashes the files of a built tree (everything but {@code _trang/}). */
    public static List<FileEntry> scan(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(Files::isRegularFile).toList();
        }
        try {
            return paths.parallelStream().map(p -> {
                        String rel = dir.relativize(p).toString().replace('\\', '/');
                        return rel.startsWith(FOLDER + "/") ? null : entry(p, rel);
                    }).filter(e -> e != null)
                    .sorted(Comparator.comparing(FileEntry::path)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static FileEntry entry(Path p, String rel) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(p)) {
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    md.update(buf, 0, n);
                    size += n;
                }
            }
            return new FileEntry(rel, size, HexFormat.of().formatHex(md.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest as JSON, one file per line (diffs of two manifests read well). */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(FORMAT).append(",\n");
        field(sb, "release", release);
        field(sb, "source_commit", sourceCommit);
        sb.append("  \"sources\": ").append(Json.write(new java.util.TreeMap<>(sources))).append(",\n");
        field(sb, "build_time", buildTime);
        field(sb, "as_of", asOf);
        field(sb, "generator", generator);
        sb.append("  \"files\": [");
        for (int i = 0; i < files.size(); i++) {
            FileEntry f = files.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("size", f.size());
            m.put("sha256", f.sha256());
            sb.append(i == 0 ? "\n    " : ",\n    ").append(Json.write(m));
        }
        sb.append(files.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String key, String value) {
        sb.append("  ").append(Json.write(key)).append(": ").append(Json.write(value)).append(",\n");
    }

    /** Reads a manifest written by {@link #toJson()}; IllegalArgumentException when it is not one. */
    @SuppressWarnings("unchecked")
    public static Manifest parse(String json) {
        Object o = JsonReader.parse(json);
        if (!(o instanceof Map<?, ?> m) || !(m.get("files") instanceof List<?> list)) {
            throw new IllegalArgumentException("không phải tệp kê khai của Trang");
        }
        List<FileEntry> files = new ArrayList<>();
        for (Object e : list) {
            Map<String, Object> f = (Map<String, Object>) e;
            files.add(new FileEntry((String) f.get("path"), ((Number) f.get("size")).longValue(), (String) f.get("sha256")));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        if (m.get("sources") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> sources.put(String.valueOf(k), String.valueOf(v)));
        }
        return new Manifest((String) m.get("release"), (String) m.get("source_commit"), sources,
                (String) m.get("build_time"), (String) m.get("as_of"), (String) m.get("generator"), files);
    }

    public static Manifest read(Path releaseDir) throws IOException {
        try {
            return parse(Files.readString(releaseDir.resolve(PATH), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException("tệp kê khai hỏng: " + releaseDir.resolve(PATH) + ": " + e.getMessage(), e);
        }
    }

    public void write(Path releaseDir) throws IOException {
        Path p = releaseDir.resolve(PATH);
        Files.createDirectories(p.getParent());
        Files.writeString(p, toJson(), StandardCharsets.UTF_8);
    }

    /**
     * Compares a release folder with this manifest: every file present with its size (and
     * SHA-256 when {@code hashes}), and no file that is not listed.
     *
     * @return the problems, empty when the folder is exactly the release
     */
    public List<String> check(Path releaseDir, boolean hashes) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (FileEntry f : files) {
            listed.add(f.path());
            Path p = releaseDir.resolve(f.path());
            if (!Files.isRegularFile(p)) {
                problems.add("thiếu tệp " + f.path());
            } else if (Files.size(p) != f.size()) {
                problems.add("sai kích thước " + f.path());
            } else if (hashes && !entry(p, f.path()).sha256().equals(f.sha256())) {
                problems.add("sai SHA-256 " + f.path());
            }
        }
        try (Stream<Path> walk = Files.walk(releaseDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = releaseDir.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(FOLDER + "/") && !listed.contains(rel)) {
                    problems.add("thừa tệp " + rel);
                }
            }
        }
        return problems;
    }
}
