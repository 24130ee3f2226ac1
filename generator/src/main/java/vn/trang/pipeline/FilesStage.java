package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.Hasher;
import vn.trang.cache.OutputManifest;
import vn.trang.diag.SourcePos;
import vn.trang.editor.EditorFiles;
import vn.trang.files.OutputSwap;
import vn.trang.files.ParallelWriter;
import vn.trang.index.SearchPublisher;
import vn.trang.load.Attachment;
import vn.trang.load.InputFiles;
import vn.trang.model.Site;
import vn.trang.render.Icons;
import vn.trang.render.Theme;

/**
 * Files besides pages, into the staging folder: the theme's static files (and each site's
 * overrides), the reports ({@link Reports}), the search page's files, each site's browser editor
 * ({@link EditorFiles}), and the attachments. The
 * small ones are made every time and recorded file by file; an attachment the output already
 * has, unchanged, is not copied again. Reports an attachment whose path is a page's.
 */
final class FilesStage implements Stage<FilesStage.Input, FilesStage.Copied> {

    /** @param images attachments the image stage published or refused (not copied as they are) */
    record Input(LoadStage.Loaded loaded, LinkStage.Linked linked, RenderStage.Rendered pages, Staging staging,
                 java.util.Set<String> images) {
    }

    /** @param files how many files besides pages the output holds */
    record Copied(int files) {
    }

    private final BuildContext ctx;
    private final BuildCache cache;

    FilesStage(BuildContext ctx, BuildCache cache) {
        this.ctx = ctx;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public Copied run(Input in) throws IOException {
        Theme theme = in.loaded().theme();
        Staging staging = in.staging();
        Path dir = staging.dir();
        int n = OutputSwap.copyTree(theme.dir().resolve("static"), dir.resolve("_assets"));
        n += Icons.write(List.of(theme.dir().resolve("static")), dir.resolve("_assets"));
        for (Site s : in.loaded().sites()) {
            String url = theme.assetsUrl(s);
            if (!url.equals("/_assets/")) {
                for (Path own : theme.staticDirs(s)) {
                    n += OutputSwap.copyTree(own, dir.resolve(url.substring(1)));
                }
                n += Icons.write(theme.staticDirs(s), dir.resolve(url.substring(1)));
            }
        }
        n += Icons.writeRoot(dir);
        n += Reports.write(dir, in.linked().unresolved(), in.pages().planned(), ctx.diagnostics());
        n += new SearchPublisher(theme, ctx.threads()).writeFiles(in.loaded().sites(), in.pages().layoutPages(), dir);
        n += EditorFiles.write(ctx.root(), dir, in.loaded().registry(), in.loaded().sites(),
                in.linked().catalog().documents(), in.pages().paths(), ctx.options().editorBackend(), ctx.diagnostics());
        // everything above is small: recorded (and, in place, compared) file by file; pages are
        // in the manifest already, with their fingerprints
        staging.record(dir, "", true);
        return new Copied(n + attachments(in.loaded().content().attachments(), in.images(), in.pages(), staging));
    }

    /** Copies the attachments, unless the output already has this very file. */
    private int attachments(List<Attachment> attachments, java.util.Set<String> images, RenderStage.Rendered pages,
                            Staging staging) throws IOException {
        OutputManifest.Builder manifest = staging.manifest();
        int n = 0;
        try (ParallelWriter w = new ParallelWriter()) {
            for (Attachment a : attachments) {
                if (images.contains(a.outputPath())) {
                    continue;
                }
                Path target = staging.dir().resolve(a.outputPath());
                if (pages.paths().contains(a.outputPath()) || manifest.contains(a.outputPath())) {
                    ctx.diagnostics().error(SourcePos.of(a.path().toString()),
                            "tệp đính kèm trùng đường dẫn với một trang đã tạo: /" + a.outputPath(),
                            "tên tệp đính kèm khác tên các trang", "đổi tên tệp đính kèm");
                    continue;
                }
                n++;
                Digest fp = fingerprint(a);
                OutputManifest.Entry e = staging.previous(a.outputPath());
                if (staging.unchanged(a.outputPath(), e, fp)) {
                    manifest.put(a.outputPath(), e);
                    continue;
                }
                w.run(() -> {
                    w.ensureParent(target);
                    InputFiles.copy(a.path(), target, StandardCopyOption.COPY_ATTRIBUTES);
                    BasicFileAttributes at = Files.readAttributes(target, BasicFileAttributes.class);
                    manifest.put(a.outputPath(), fp, at.size(), ParallelWriter.nanos(at));
                });
            }
            w.await();
        }
        return n;
    }

    /** An attachment's fingerprint: its path, size, time and file key (null without the cache). */
    private Digest fingerprint(Attachment a) {
        if (!cache.enabled()) {
            return null;
        }
        try {
            BasicFileAttributes at = Files.readAttributes(a.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // the copy keeps the source's time, so the time is part of what the output holds
            return new Hasher().putString("attachment").putString(a.path().toString()).putLong(at.size())
                    .putLong(ParallelWriter.nanos(at)).putString(String.valueOf(at.fileKey())).digest();
        } catch (IOException e) {
            return null;
        }
    }
}
