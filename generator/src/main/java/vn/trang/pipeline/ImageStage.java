package vn.trang.pipeline;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.Hasher;
import vn.trang.cache.OutputManifest;
import vn.trang.diag.SourcePos;
import vn.trang.files.ParallelWriter;
import vn.trang.image.ImageCatalog;
import vn.trang.image.ImageEncoder;
import vn.trang.image.ImageHeader;
import vn.trang.image.ImageRejected;
import vn.trang.image.ImageType;
import vn.trang.image.Picture;
import vn.trang.load.Attachment;
import vn.trang.model.Item;
import vn.trang.model.NewsItem;

/**
 * The content's images, before pages are rendered (pages need their sizes): each image
 * attachment's header is read (real type, size, pixel limit); JPEG and PNG are made into
 * their published widths ({@link ImageEncoder}) on the build's threads, unless the output has
 * them from the same original already. An image that is not what its name says, is damaged or
 * too large is an error and is not published; a file made over 1 MB is a warning.
 */
final class ImageStage implements Stage<ImageStage.Input, ImageStage.Images> {

    /** A published image file over this size is a warning: a phone on 3G takes seconds for it. */
    static final long HEAVY_BYTES = 1 << 20;

    /** @param items the linked items: a news item with {@code original_image: true} has its image's original published */
    record Input(List<Attachment> attachments, List<Item> items, Staging staging) {
    }

    /**
     * @param catalog the processed images
     * @param handled the attachments' paths this stage published or refused: not copied as they are
     * @param files   files it put in the output
     */
    record Images(ImageCatalog catalog, Set<String> handled, int files) {
    }

    private final BuildContext ctx;
    private final BuildCache cache;

    ImageStage(BuildContext ctx, BuildCache cache) {
        this.ctx = ctx;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "images";
    }

    @Override
    public Images run(Input in) throws IOException {
        Set<String> handled = new HashSet<>();
        Map<String, Picture> pictures = new HashMap<>();
        List<Work> work = new ArrayList<>();
        Set<String> attachmentPaths = new HashSet<>();
        for (Attachment a : in.attachments()) {
            attachmentPaths.add(a.outputPath());
        }
        Set<String> originals = originals(in.items());
        for (Attachment a : in.attachments()) {
            ImageType named = ImageType.byName(a.path().getFileName().toString());
            if (named == null) {
                continue;
            }
            ImageHeader h;
            try {
                h = ImageHeader.read(a.path(), named);
            } catch (ImageRejected r) {
                handled.add(a.outputPath());
                refuse(a, r);
                continue;
            }
            if (!named.processed()) {
                continue; // GIF, BMP, WebP: copied as they are
            }
            handled.add(a.outputPath());
            Picture p = Picture.plan(a.outputPath(), h, originals.contains(a.outputPath()));
            String clash = p.files().stream()
                    .filter(v -> !v.equals(a.outputPath()) && attachmentPaths.contains(v)).findFirst().orElse(null);
            if (clash != null) {
                ctx.diagnostics().error(pos(a), "tên tệp /" + clash + " trùng với bản thu nhỏ của ảnh này",
                        "tên tệp không có dạng <tên>.w<số>.<đuôi>", "đổi tên tệp " + clash);
                continue;
            }
            pictures.put(a.outputPath(), p);
            work.add(new Work(a, p, fingerprint(a, p)));
        }
        encode(work, in.staging());
        int files = pictures.values().stream().mapToInt(p -> p.files().size()).sum();
        return new Images(new ImageCatalog(pictures), handled, files);
    }

    /** The output paths of the images whose editors asked for the original ({@code original_image: true}). */
    private static Set<String> originals(List<Item> items) {
        Set<String> out = new HashSet<>();
        for (Item i : items) {
            if (i instanceof NewsItem n && n.imageOriginal() != null) {
                try {
                    String path = URI.create(n.image()).getPath();
                    if (path != null && path.startsWith("/")) {
                        out.add(path.substring(1));
                    }
                } catch (IllegalArgumentException e) {
                    // an address the parser kept but URI cannot read: its link check reports it
                }
            }
        }
        return out;
    }

    private record Work(Attachment source, Picture picture, Digest fp) {
    }

    /** Makes the pictures whose files the output does not have yet, on up to {@code ctx.threads()} threads. */
    private void encode(List<Work> work, Staging staging) throws IOException {
        OutputManifest.Builder manifest = staging.manifest();
        List<Work> todo = new ArrayList<>();
        for (Work w : work) {
            List<String> files = w.picture().files();
            List<OutputManifest.Entry> kept = new ArrayList<>();
            for (String f : files) {
                OutputManifest.Entry e = staging.previous(f);
                if (staging.unchanged(f, e, w.fp())) {
                    kept.add(e);
                }
            }
            if (kept.size() == files.size()) {
                for (int i = 0; i < kept.size(); i++) {
                    manifest.put(files.get(i), kept.get(i));
                }
            } else {
                todo.add(w);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        // decoding holds a whole photo in memory: at most 4 at a time
        int threads = Math.max(1, Math.min(Math.min(4, ctx.threads()), todo.size()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trang-image-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Work w : todo) {
                done.add(pool.submit(() -> {
                    make(w, staging);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void make(Work w, Staging staging) throws IOException {
        try {
            ImageEncoder.write(w.source().path(), w.picture(), staging.dir());
        } catch (ImageRejected r) {
            refuse(w.source(), r);
            return;
        } catch (OutOfMemoryError e) {
            ctx.diagnostics().error(pos(w.source()), "không đủ bộ nhớ để xử lý ảnh này",
                    "ảnh dưới " + ImageHeader.MAX_PIXELS / 1_000_000 + " triệu điểm ảnh",
                    "thu nhỏ ảnh (ví dụ rộng 2000 điểm ảnh) rồi lưu lại");
            return;
        }
        for (String f : w.picture().files()) {
            Path file = staging.dir().resolve(f);
            BasicFileAttributes at = Files.readAttributes(file, BasicFileAttributes.class);
            staging.manifest().put(f, w.fp(), at.size(), ParallelWriter.nanos(at));
            // the widest is the heaviest: one warning per image
            if (at.size() > HEAVY_BYTES && f.equals(w.picture().path())) {
                ctx.diagnostics().warning(pos(w.source()), "ảnh sau khi thu nhỏ vẫn nặng " + (at.size() / 1024)
                                + " KB: /" + f, "ảnh dưới 1 MB",
                        "lưu ảnh dạng JPEG (ảnh chụp) thay vì PNG, hoặc cắt bớt phần thừa");
            }
        }
    }

    private void refuse(Attachment a, ImageRejected r) {
        ctx.diagnostics().error(pos(a), r.getMessage() + " — tệp không được đăng", r.expected(), r.fix());
    }

    private SourcePos pos(Attachment a) {
        Path p = a.path();
        return SourcePos.of(p.startsWith(ctx.root()) ? ctx.root().relativize(p).toString() : p.toString());
    }

    /** What an image's files are made from: the original (path, size, time, file key), its plan, the encoder. */
    private Digest fingerprint(Attachment a, Picture p) {
        if (!cache.enabled()) {
            return null;
        }
        try {
            BasicFileAttributes at = Files.readAttributes(a.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Hasher h = new Hasher().putString("image").putString(ImageEncoder.VERSION).putString(a.path().toString())
                    .putLong(at.size()).putLong(ParallelWriter.nanos(at)).putString(String.valueOf(at.fileKey()));
            for (Picture.Variant v : p.variants()) {
                h.putString(v.path()).putInt(v.width()).putInt(v.height());
            }
            return h.putString(String.valueOf(p.original())).putInt(p.header().orientation()).digest();
        } catch (IOException e) {
            return null;
        }
    }
}
