package vn.trang.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.bench.BenchCorpus;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.legal.Citation;
import vn.trang.markdown.MarkdownRenderer;

/**
 * {@link CitationLinks} on the benchmark corpus: the direct way links exactly as the jsoup way,
 * byte for byte and call for call, as the generator's CitationLinksTest checks on other bodies.
 * It lives with the corpus generator (the product's tests cannot see it) and in the product's
 * package to reach both ways.
 */
class CitationLinksOnCorpusTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();

    /** Resolves about two citations in three, to URLs and titles that need escaping; records each call. */
    private static final class Recorder implements CitationLinks.Resolver {
        final List<String> calls = new ArrayList<>();

        @Override
        public CitationLinks.Target resolve(Citation c) {
            String key = c.number().key();
            calls.add(key + "@" + c.offset());
            if (Math.floorMod(key.hashCode(), 3) == 0) {
                return null;
            }
            return new CitationLinks.Target("/so-a/van-ban/" + key.replace('/', '-') + "/?a=1&b=\"2\"",
                    "Quyết định " + c.number() + " & \"x\" <y>");
        }
    }

    @Test
    void theBenchmarkCorpusIsLinkedTheSame() {
        List<String> bodies = new BenchCorpus(400, BenchCorpus.DEFAULT_SEED).markdownBodies();
        int direct = 0;
        for (String markdown : bodies) {
            String html = MD.render(markdown, "/so-a/tin-tuc/", SourcePos.of("x.md"), 1, new Diagnostics());
            Recorder reference = new Recorder();
            Recorder recorder = new Recorder();
            String expected = CitationLinks.jsoup(html, reference);
            String actual = CitationLinks.link(html, recorder);
            assertEquals(expected, actual, () -> "HTML:\n" + html);
            assertEquals(reference.calls, recorder.calls, () -> "HTML:\n" + html);
            direct += CitationLinks.readable(html) && actual != null ? 1 : 0;
        }
        assertTrue(direct > bodies.size() / 4, "bodies linked the direct way: " + direct + " of " + bodies.size());
    }
}
