package vn.trang.search.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;
import vn.trang.index.SearchFiles;

/**
 * Benchmark helper (bench/search-load.sh): indexes a JSON Lines corpus into a published-search
 * folder that {@code trang search --index} serves, without building the pages. Same schema and
 * analysis as a build.
 *
 * <pre>java -cp trang.jar vn.trang.search.eval.CorpusIndex docs.jsonl OUT   # writes OUT/_search/index</pre>
 */
public final class CorpusIndex {

    private CorpusIndex() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CorpusIndex docs.jsonl OUT");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        List<SearchDocument> docs = EvalData.corpus(Path.of(args[0]));
        long t1 = System.nanoTime();
        SearchFiles files = SearchFiles.inOutput(Path.of(args[1]));
        if (Files.exists(files.index())) {
            System.err.println("CorpusIndex: " + files.index() + " exists; remove it first");
            System.exit(2);
        }
        new IndexBuilder(Runtime.getRuntime().availableProcessors()).write(files.index(), docs);
        long t2 = System.nanoTime();
        long bytes;
        try (var s = Files.list(files.index())) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("{\"docs\": %d, \"read_ms\": %d, \"index_ms\": %d, \"index_bytes\": %d}%n", docs.size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, bytes);
    }
}
