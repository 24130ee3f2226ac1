package vn.trang.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchFiles;
import vn.trang.render.Theme;

/**
 * One publish, open: the index behind a {@link SearcherManager}, the site layouts and the theme,
 * all from the same {@code _search} folder, so they are replaced together.
 */
final class Published implements Closeable {

    /**
     * What tells two publishes apart: a publish swaps in a new folder (a new inode), and a commit
     * writes a new segments file.
     */
    record Identity(Object folder, String commit, long modified) {

        static Optional<Identity> of(Path index) {
            try (Stream<Path> files = Files.list(index)) {
                Optional<Path> segments = files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                        .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                BasicFileAttributes folder = Files.readAttributes(index, BasicFileAttributes.class);
                Object key = folder.fileKey() != null ? folder.fileKey() : folder.creationTime();
                return Optional.of(new Identity(key, segments.get().getFileName().toString(),
                        Files.getLastModifiedTime(segments.get()).toMillis()));
            } catch (IOException e) {
                return Optional.empty(); // not there (yet), or being swapped: try again later
            }
        }
    }

    final Identity identity;
    final SearcherManager manager;
    final SiteLayouts sites;
    final Theme theme;
    final int docs;
    /** Answers of this publish only: a new publish starts with an empty cache. */
    final ResultCache cache;
    /** First hits counted for the no-results page's services (this publish only). */
    final SearchedServices services = new SearchedServices();
    private final Directory directory;
    /** Built on the first search that needs it; the index of a publish does not change. */
    private volatile MarkedSpellings spellings;

    private Published(Identity identity, Directory directory, SearcherManager manager, SiteLayouts sites, Theme theme,
                      int docs, int cacheEntries) {
        this.identity = identity;
        this.directory = directory;
        this.manager = manager;
        this.sites = sites;
        this.theme = theme;
        this.docs = docs;
        this.cache = new ResultCache(cacheEntries);
    }

    MarkedSpellings spellings(IndexSearcher searcher) throws IOException {
        MarkedSpellings s = spellings;
        if (s == null) {
            // Two first searches at once may both build it: the same map, built twice, once.
            spellings = s = MarkedSpellings.of(searcher.getIndexReader());
        }
        return s;
    }

    /** Opens a publish; fails on an index of another schema version rather than misreading it. */
    static Published open(SearchFiles files, Identity identity, Similarity similarity, int cacheEntries)
            throws IOException {
        Directory dir = FSDirectory.open(files.index());
        try {
            DirectoryReader reader = DirectoryReader.open(dir);
            String schema = reader.getIndexCommit().getUserData().get(IndexBuilder.SCHEMA_KEY);
            if (!Objects.equals(schema, IndexBuilder.SCHEMA_VERSION)) {
                reader.close();
                throw new IOException("chỉ mục " + files.index() + " có lược đồ " + schema + ", cần "
                        + IndexBuilder.SCHEMA_VERSION + ": hãy tạo lại bằng trang build");
            }
            SearcherManager manager = new SearcherManager(reader, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader r,
                                                 org.apache.lucene.index.IndexReader previous) {
                    IndexSearcher s = new IndexSearcher(r);
                    s.setSimilarity(similarity);
                    TermFilterCache.install(s);
                    return s;
                }
            });
            SiteLayouts sites = SiteLayouts.read(files.sites());
            return new Published(identity, dir, manager, sites, new Theme(files.themes(), sites.theme()),
                    reader.numDocs(), cacheEntries);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Stops handing out this publish's searcher. Searches still running keep theirs: the reader
     * is closed when the last one is released.
     */
    @Override
    public void close() throws IOException {
        manager.close();
    }

    /** Called once no searcher can be acquired any more and all were released. */
    void closeDirectory() throws IOException {
        directory.close();
    }
}
