package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import vn.trang.cache.Digest;
import vn.trang.cache.Fingerprints;
import vn.trang.cache.Hasher;
import vn.trang.image.ImageCatalog;
import vn.trang.load.InputFiles;
import vn.trang.model.Site;
import vn.trang.render.Output;
import vn.trang.render.Theme;

/**
 * What a page is made of, as one digest: its template, every template file its site may use,
 * and its model. A page whose fingerprint and file are the last build's is not rendered again.
 * Called from the render threads.
 */
final class PageFingerprints {

    private final Theme theme;
    private final Fingerprints models;
    /** null without images: the fingerprints of a build without them are those they always were */
    private final Digest images;
    private final Map<String, Digest> templateKeys = new ConcurrentHashMap<>();
    private final Map<String, String> siteTemplateKeys = new ConcurrentHashMap<>();

    /**
     * @param models the build's fingerprints of models (they may know its items already)
     * @param images the processed images: a page shows their sizes, so any change renders pages again
     */
    PageFingerprints(Theme theme, Fingerprints models, ImageCatalog images) {
        this.theme = theme;
        this.models = models;
        this.images = images.isEmpty() ? null : images.digest();
    }

    /** A page's fingerprint, or null when its model cannot be fingerprinted (it is always rendered). */
    Digest of(Output o) {
        Hasher h = new Hasher();
        if (o.text() != null) {
            return h.putString("text").putString(o.text()).digest();
        }
        try {
            h.putString("page").putString(o.template()).putDigest(templatesKey(o.site()));
            if (images != null) {
                h.putDigest(images);
            }
            return h.putDigest(models.of(o.view())).digest();
        } catch (Fingerprints.Opaque e) {
            return null;
        }
    }

    /** A streamed output's fingerprint from what it is made of, or null when that is not known. */
    Digest ofInputs(Output o) {
        if (o.inputs() == null) {
            return null;
        }
        try {
            return new Hasher().putString("streamed").putString(o.path()).putDigest(models.of(o.inputs())).digest();
        } catch (Fingerprints.Opaque e) {
            return null;
        }
    }

    /** Every file of the templates a site's pages are made with (its overrides first). */
    private Digest templatesKey(Site site) {
        Path own = theme.overrideDir(site).resolve("templates");
        // one look at the folder per site, not per page
        String key = siteTemplateKeys.computeIfAbsent(site.id(), id -> Files.isDirectory(own) ? id : "");
        return templateKeys.computeIfAbsent(key, k -> {
            Hasher h = new Hasher().putString("templates").putString(TimeZone.getDefault().getID())
                    .putString(Locale.getDefault().toLanguageTag());
            try {
                if (!k.isEmpty()) {
                    hashTree(h, own);
                }
                h.putString("|");
                hashTree(h, theme.dir().resolve("templates"));
            } catch (IOException e) {
                h.putLong(System.nanoTime()); // unreadable: never equal
            }
            return h.digest();
        });
    }

    private static void hashTree(Hasher h, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(InputFiles::isRegularFile).sorted().toList()) {
                byte[] b = InputFiles.readAllBytes(p);
                h.putString(dir.relativize(p).toString()).putBytes(b, 0, b.length);
            }
        }
    }
}
