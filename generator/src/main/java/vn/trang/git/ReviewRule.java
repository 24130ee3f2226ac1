package vn.trang.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import vn.trang.model.Site;

/**
 * Review before publishing (rule {@value AccessRules#RULE_REVIEW}): a site that names
 * {@code reviewers:} gets content on the verified branch only through one of them.
 *
 * <p>The verified branch is the first-parent line from the head: each commit on it is how the
 * branch moved. What a commit on that line brings to a site's content — everything that differs
 * from its first parent, the side's changes included — must be authored by someone who may
 * approve for that site ({@link AccessRules#mayApprove}): a reviewer of the site, a reviewer of
 * the portal, or an admin. The approval is the merge itself, so it is checkable offline: Decap's
 * editorial workflow (and a forge's merge button) merges the editor's branch with a merge commit
 * whose author is the person who approved. An editor's commit straight on the branch, her own
 * merge, or a fast-forward to her commits all leave her as the author of such a step, and are
 * refused. The side's commits are not held to this rule — they are checked by the others, so an
 * editor of another unit is refused whoever merged her commit.
 */
final class ReviewRule {

    private final AccessRules rules;

    ReviewRule(AccessRules rules) {
        this.rules = rules;
    }

    /**
     * The violations of the commits of {@code range} on {@code head}'s first-parent line, oldest
     * first. A commit whose first parent is missing (a shallow clone's cut) is skipped: the walk
     * already refused it ({@link AccessRules#RULE_HISTORY}).
     *
     * @param range the commits being verified
     * @param label what to put before each file shown (a remote source's name), or ""
     */
    List<Verifier.Violation> check(Repository r, RevWalk rw, ObjectId head, Set<? extends ObjectId> range,
                                   String prefix, String label) throws IOException {
        List<Verifier.Violation> out = new ArrayList<>();
        Set<ObjectId> shallow = GitRepos.shallowCommits(r);
        RevCommit c = rw.parseCommit(head);
        while (c != null && range.contains(c) && !shallow.contains(c)) {
            rw.parseBody(c); // the walk that found the range let go of the bodies
            RevCommit parent = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
            String email = c.getAuthorIdent().getEmailAddress();
            for (Map.Entry<Site, List<String>> e : brought(r, parent, c).entrySet()) {
                Site site = e.getKey();
                if (rules.needsReview(site) && !rules.mayApprove(site, email)) {
                    List<String> files = e.getValue();
                    String shown = label + Verifier.shown(files.get(0), prefix)
                            + (files.size() == 1 ? "" : " (và " + (files.size() - 1) + " tệp khác)");
                    out.add(new Verifier.Violation(c.abbreviate(10).name(), GitRepos.who(c.getAuthorIdent()), shown,
                            AccessRules.RULE_REVIEW, message(site, c.getParentCount() > 1)));
                }
            }
            c = parent;
        }
        Collections.reverse(out);
        return out;
    }

    /** The files each site's content gained, lost or changed from {@code parent} (null: none) to {@code c}. */
    private Map<Site, List<String>> brought(Repository r, RevCommit parent, RevCommit c) throws IOException {
        Map<Site, List<String>> out = new LinkedHashMap<>();
        try (TreeWalk tw = new TreeWalk(r)) {
            tw.setRecursive(true);
            if (parent == null) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                tw.addTree(parent.getTree());
            }
            tw.addTree(c.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                Site site = rules.siteOf(tw.getPathString());
                if (site != null) {
                    out.computeIfAbsent(site, s -> new ArrayList<>()).add(tw.getPathString());
                }
            }
        }
        return out;
    }

    private static String message(Site site, boolean merge) {
        String who = "trưởng ban biên tập của trang '" + site.id() + "' (reviewers trong " + site.sourceFile()
                + "), trưởng ban biên tập của cổng hoặc quản trị cổng";
        if (merge) {
            return "commit gộp này đưa thay đổi nội dung của trang '" + site.id() + "' vào nhánh được kiểm tra nhưng "
                    + "người gộp không có quyền duyệt: chỉ " + who + " được duyệt (gộp) thay đổi của biên tập viên; "
                    + "nhờ người có quyền duyệt gộp nhánh của bạn (trình soạn thảo: người duyệt bấm xuất bản; Git: "
                    + "git merge --no-ff); commit đã lên nhánh chính thì quản trị cổng đưa nhánh về trước nó";
        }
        return "thay đổi nội dung của trang '" + site.id() + "' được commit thẳng lên nhánh được kiểm tra, chưa qua "
                + "duyệt: trang này có trưởng ban biên tập nên mọi thay đổi phải được " + who + " duyệt; lưu thay đổi "
                + "vào một nhánh riêng (trình soạn thảo: lưu bản nháp rồi gửi duyệt; Git: git switch -c ten-nhanh) để người "
                + "duyệt gộp vào nhánh chính bằng một commit gộp (git merge --no-ff, không fast-forward), quản trị "
                + "cổng đưa nhánh chính về trước commit này";
    }
}
