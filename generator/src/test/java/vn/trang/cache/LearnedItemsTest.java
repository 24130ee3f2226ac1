package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.trang.model.Body;
import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.NewsItem;
import vn.trang.model.Section;

/**
 * {@link Fingerprints#learnItems} fingerprints a linked item from its parse identity and
 * what linking changed, without walking what it kept. Each build makes new objects, so every case
 * below builds its items afresh, as two builds would.
 */
class LearnedItemsTest {

    private static final Digest ID = new Hasher().putString("parsed a").digest();
    private static final Digest OTHER_ID = new Hasher().putString("parsed b").digest();

    private static NewsItem parsed(String title, String body) {
        ItemMeta m = new ItemMeta(null, Section.NEWS, "content/tinh/tin-tuc/a.md", "a", title,
                LocalDateTime.of(2025, 3, 1, 8, 0), null, "Tóm tắt", false, Body.of(body), "/tin-tuc/a/", "/", List.of(),
                null);
        return new NewsItem(m, "Phóng viên", null, null, null, false);
    }

    /** What the link stage does to a news item: a new body (citations linked), the rest kept. */
    private static Item linked(NewsItem p, String linkedBody) {
        return p.withMeta(p.meta().withBody(Body.of(linkedBody)));
    }

    /** A page model holding the item, fingerprinted after learning (null identity: not learnt). */
    private static Digest page(Item linked, Item parsed, Digest identity) throws Fingerprints.Opaque {
        Fingerprints f = new Fingerprints();
        f.learnItems(List.of(linked), List.of(parsed), Arrays.asList(identity), 2);
        return f.of(Map.of("item", linked, "title", "Trang"));
    }

    @Test
    void theSameItemInTwoBuildsHasTheSameFingerprint() throws Exception {
        NewsItem p1 = parsed("Tiêu đề", "<p>a</p>");
        NewsItem p2 = parsed("Tiêu đề", "<p>a</p>");
        assertEquals(page(linked(p1, "<p>a!</p>"), p1, ID), page(linked(p2, "<p>a!</p>"), p2, ID));
        // an item linking left as it was (the same object) too
        assertEquals(page(p1, p1, ID), page(p2, p2, ID));
    }

    @Test
    void whatLinkingChangedIsHashed() throws Exception {
        NewsItem p1 = parsed("Tiêu đề", "<p>a</p>");
        NewsItem p2 = parsed("Tiêu đề", "<p>a</p>");
        assertNotEquals(page(linked(p1, "<p>a, dẫn 06/CT-UBND</p>"), p1, ID),
                page(linked(p2, "<p>a, dẫn 07/CT-UBND</p>"), p2, ID));
        assertNotEquals(page(p1, p1, ID), page(linked(p2, "<p>a</p>"), p2, ID), "a body replaced, even by equal text");
    }

    @Test
    void anotherIdentityIsAnotherFingerprint() throws Exception {
        NewsItem p1 = parsed("Tiêu đề", "<p>a</p>");
        NewsItem p2 = parsed("Tiêu đề", "<p>a</p>");
        assertNotEquals(page(linked(p1, "<p>a</p>"), p1, ID), page(linked(p2, "<p>a</p>"), p2, OTHER_ID));
    }

    /**
     * What the item kept from parsing is not read: the identity stands for it (the build cache
     * recalls items by it). This is what makes learning cheap, and why identities must cover
     * everything parsing reads.
     */
    @Test
    void whatLinkingKeptStandsOnTheIdentity() throws Exception {
        NewsItem p1 = parsed("Tiêu đề một", "<p>a</p>");
        NewsItem p2 = parsed("Tiêu đề hai", "<p>a</p>");
        assertEquals(page(linked(p1, "<p>x</p>"), p1, ID), page(linked(p2, "<p>x</p>"), p2, ID));
    }

    @Test
    void itemsWithoutIdentityAreWalkedWhole() throws Exception {
        NewsItem p1 = parsed("Tiêu đề một", "<p>a</p>");
        NewsItem p2 = parsed("Tiêu đề hai", "<p>a</p>");
        assertNotEquals(page(linked(p1, "<p>x</p>"), p1, null), page(linked(p2, "<p>x</p>"), p2, null));
        // and they agree with a Fingerprints that learnt nothing
        NewsItem p3 = parsed("Tiêu đề một", "<p>a</p>");
        assertEquals(page(linked(p1, "<p>x</p>"), p1, null),
                new Fingerprints().of(Map.of("item", linked(p3, "<p>x</p>"), "title", "Trang")));
    }

    @Test
    void learntDigestsOutliveClear() throws Exception {
        NewsItem p1 = parsed("Tiêu đề", "<p>a</p>");
        Item l1 = linked(p1, "<p>b</p>");
        Fingerprints f = new Fingerprints();
        f.learnItems(List.of(l1), List.of(p1), List.of(ID), 1);
        Digest before = f.of(List.of(l1));
        f.clear();
        assertEquals(before, f.of(List.of(l1)));
    }

    @Test
    void listsMustLineUp() {
        NewsItem p1 = parsed("Tiêu đề", "<p>a</p>");
        assertThrows(IllegalArgumentException.class,
                () -> new Fingerprints().learnItems(List.of(p1), List.of(), List.of(ID), 1));
    }
}
