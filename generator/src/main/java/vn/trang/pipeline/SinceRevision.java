package vn.trang.pipeline;

import java.io.IOException;
import java.util.Set;

import vn.trang.cache.BuildCache;
import vn.trang.cache.GitChanges;
import vn.trang.diag.SourcePos;
import vn.trang.load.SourceFile;

/**
 * {@code --since REV}: the content files Git says changed since REV. The others are taken from
 * the cache unread, which is only right when the cache comes from a build of REV itself;
 * otherwise every file is read, and the note says why.
 *
 * @param changed the changed files (paths as displayed, with '/'), or null: trust none
 * @param note    why the revision was not used, or null
 */
record SinceRevision(Set<String> changed, String note) {

    /** Without {@code --since}, or without the cache: every file is read. */
    static final SinceRevision NONE = new SinceRevision(null, null);

    /** Asks Git what changed since {@code --since}; fails the build when the revision is unknown. */
    static SinceRevision resolve(BuildContext ctx, BuildCache cache) throws BuildFailed {
        String since = ctx.options().since();
        if (since == null || !cache.enabled()) {
            return NONE;
        }
        try {
            GitChanges.Result g = GitChanges.since(ctx.root(), since);
            if (cache.commit() != null && cache.commit().equals(g.since())) {
                return new SinceRevision(g.changed(), null);
            }
            return new SinceRevision(null, "bộ nhớ đệm không phải của lần dựng " + shortId(g.since())
                    + (cache.commit() == null ? "" : " (mà của " + shortId(cache.commit()) + ")")
                    + ": mọi tệp được kiểm tra lại");
        } catch (IOException e) {
            ctx.diagnostics().error(SourcePos.of(ctx.root().toString()), "--since " + since + ": " + e.getMessage(),
                    "một phiên bản có trong kho Git (mã commit, nhánh, thẻ)", "kiểm tra lại tên phiên bản");
            throw new BuildFailed();
        }
    }

    /** Whether {@code source} may be taken from the cache unread. */
    boolean unchanged(SourceFile source) {
        return changed != null && !changed.contains(source.display().replace('\\', '/'));
    }

    private static String shortId(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
