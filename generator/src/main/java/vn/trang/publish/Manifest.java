package vn.trang.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
        try (InputStream in = Files.newInputStream(p)) {
            long[] size = new long[1];
            String sha = sha256(in, size);
            return new FileEntry(rel, size[0], sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of a stream, in hex; {@code size[0]} gets the number of bytes read. */
    static String sha256(InputStream in, long[] size) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            md.update(buf, 0, r);
            n += r;
        }
        size[0] = n;
        return HexFormat.of().formatHex(md.digest());
    }

    /** The SHA-256 of a file, in hex (the manifest's own, for an operator to compare with CI's log). */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return sha256(in, new long[1]);
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
            String path = (String) f.get("path");
            String sha = (String) f.get("sha256");
            // Paths are resolved against a release folder: one leading out of it is refused.
            if (!safePath(path) || sha == null || !sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("mục không hợp lệ: " + path);
            }
            files.add(new FileEntry(path, ((Number) f.get("size")).longValue(), sha));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        if (m.get("sources") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> sources.put(String.valueOf(k), String.valueOf(v)));
        }
        return new Manifest((String) m.get("release"), (String) m.get("source_commit"), sources,
                (String) m.get("build_time"), (String) m.get("as_of"), (String) m.get("generator"), files);
    }

    /** A relative, '/'-separated path with no empty, {@code .} or {@code ..} segment. */
    static boolean safePath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        return true;
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
     * Compares a release folder with this manifest: every listed file present, a regular file
     * with its size and SHA-256, and no file that is not listed (a file under {@code _trang/}
     * other than the manifest included). Files are hashed in parallel.
     *
     * @return the problems, sorted by path; empty when the folder is exactly the release
     */
    public List<ReleaseProblem> check(Path releaseDir) throws IOException {
        List<ReleaseProblem> problems;
        try {
            problems = new ArrayList<>(files.parallelStream().map(f -> {
                try {
                    ReleaseProblem.Kind k = compare(releaseDir.resolve(f.path()), f);
                    return k == null ? null : new ReleaseProblem(k, f.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(p -> p != null).toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        problems.addAll(extras(releaseDir));
        problems.sort(null);
        return problems;
    }

    /** Files on disk that this manifest does not list (never followed into symlinked folders). */
    List<ReleaseProblem> extras(Path release) throws IOException {
        Path releaseDir = release.toRealPath(); // the start may be a link to the release (current)
        Set<String> listed = new HashSet<>();
        for (FileEntry f : files) {
            listed.add(f.path());
        }
        listed.add(PATH);
        List<ReleaseProblem> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(releaseDir)) {
            for (Path p : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.equals(releaseDir)).toList()) {
                String rel = releaseDir.relativize(p).toString().replace('\\', '/');
                if (!listed.contains(rel)) {
                    out.add(new ReleaseProblem(ReleaseProblem.Kind.EXTRA, rel));
                }
            }
        }
        return out;
    }

    /**
     * Whether a file on disk is still the one a manifest entry lists: null when it is, else how
     * it differs. A symlink is never taken for the file, even one pointing at the right bytes.
     */
    static ReleaseProblem.Kind compare(Path file, FileEntry f) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return ReleaseProblem.Kind.MISSING;
        }
        if (!a.isRegularFile()) {
            return ReleaseProblem.Kind.NOT_A_FILE;
        }
        if (a.size() != f.size()) {
            return ReleaseProblem.Kind.MODIFIED;
        }
        long[] size = new long[1];
        String sha;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            sha = sha256(in, size);
        } catch (FileSystemException e) {
            // replaced by a symlink between the two looks (O_NOFOLLOW refuses it) or removed
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? ReleaseProblem.Kind.NOT_A_FILE : ReleaseProblem.Kind.MISSING;
        }
        return size[0] == f.size() && sha.equals(f.sha256()) ? null : ReleaseProblem.Kind.MODIFIED;
    }
}
