package vn.trang.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.diag.Diagnostics;
import vn.trang.model.LegalDocument;
import vn.trang.model.RelationType;

/**
 * Cycles of replacement and repeal: A replaces B, B repeals A (a document naming itself is a
 * parse error already).
 * A document only ends documents issued before it, so such a cycle is always a data error, and
 * a status derived through it would be nonsense. Each cycle is reported once, at the relation
 * of its first file (by path) and naming every document on it; the relation that closes it is
 * returned so that the status rules leave it out.
 */
final class ReplacementCycles {

    private ReplacementCycles() {
    }

    /** One frame of the depth-first walk: a document and the next of its edges to follow. */
    private static final class Frame {
        final LegalDocument doc;
        final List<DocumentLinker.Edge> edges;
        int next;

        Frame(LegalDocument doc, List<DocumentLinker.Edge> edges) {
            this.doc = doc;
            this.edges = edges;
        }
    }

    /**
     * Reports every cycle among the replacing and repealing edges; returns the edges that close
     * them. Iterative, so a long chain of replacements cannot overflow the stack.
     */
    static List<DocumentLinker.Edge> report(List<LegalDocument> documents,
                                            Map<LegalDocument, List<DocumentLinker.Edge>> outgoing, Diagnostics d) {
        List<LegalDocument> order = new ArrayList<>(documents);
        order.sort(Comparator.comparing((LegalDocument x) -> x.meta().source()));
        Map<LegalDocument, Integer> state = new IdentityHashMap<>(); // absent: unseen; 1: on the path; 2: done
        List<DocumentLinker.Edge> closing = new ArrayList<>();
        for (LegalDocument start : order) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<Frame> path = new ArrayDeque<>();
            path.push(new Frame(start, ending(outgoing.get(start))));
            state.put(start, 1);
            while (!path.isEmpty()) {
                Frame top = path.peek();
                if (top.next == top.edges.size()) {
                    state.put(top.doc, 2);
                    path.pop();
                    continue;
                }
                DocumentLinker.Edge e = top.edges.get(top.next++);
                Integer seen = state.get(e.to());
                if (seen == null) {
                    state.put(e.to(), 1);
                    path.push(new Frame(e.to(), ending(outgoing.get(e.to()))));
                } else if (seen == 1) {
                    closing.add(e);
                    report(cycle(path, e), d);
                }
            }
        }
        return closing;
    }

    private static List<DocumentLinker.Edge> ending(List<DocumentLinker.Edge> edges) {
        if (edges == null) {
            return List.of();
        }
        return edges.stream().filter(e -> e.to() != null && e.relation().type().effect() == RelationType.Effect.ENDS)
                .toList();
    }

    /** The edges of the cycle {@code closing} makes with the path, from the document it returns to. */
    private static List<DocumentLinker.Edge> cycle(Deque<Frame> path, DocumentLinker.Edge closing) {
        // The deque iterates from the newest frame; each frame's last followed edge leads to the
        // frame pushed after it.
        List<Frame> frames = new ArrayList<>(path);
        Collections.reverse(frames);
        List<DocumentLinker.Edge> out = new ArrayList<>();
        int from = 0;
        while (frames.get(from).doc != closing.to()) {
            from++;
        }
        for (int i = from; i < frames.size() - 1; i++) {
            Frame f = frames.get(i);
            out.add(f.edges.get(f.next - 1));
        }
        out.add(closing);
        // Start at the first file by path, so the report does not depend on where the walk began.
        int first = 0;
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).from().meta().source().compareTo(out.get(first).from().meta().source()) < 0) {
                first = i;
            }
        }
        List<DocumentLinker.Edge> rotated = new ArrayList<>(out.subList(first, out.size()));
        rotated.addAll(out.subList(0, first));
        return rotated;
    }

    private static void report(List<DocumentLinker.Edge> cycle, Diagnostics d) {
        DocumentLinker.Edge first = cycle.get(0);
        StringBuilder names = new StringBuilder();
        for (DocumentLinker.Edge e : cycle) {
            names.append(e.from().number()).append(" (").append(e.from().meta().source()).append(") ")
                    .append(IssuingPower.verb(e.relation().type())).append(" ");
        }
        names.append(first.from().number());
        d.error(first.relation().pos(), "vòng thay thế, bãi bỏ khép kín: " + names,
                "một văn bản chỉ thay thế, bãi bỏ văn bản ban hành trước nó, nên các quan hệ này không thể khép thành vòng",
                "xóa quan hệ ghi sai chiều ở một trong các tệp trên (văn bản cũ bị thay thế chứ không thay thế văn bản mới)");
    }
}
