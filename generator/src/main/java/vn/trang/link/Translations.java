package vn.trang.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.Item;
import vn.trang.model.Page;
import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * A site's English standing pages and the Vietnamese pages they translate ({@code lang: en},
 * {@code translation_of: gioi-thieu}): what the English menu, the language switch, the hreflang
 * links and the compliance report read.
 */
public final class Translations {

    /** The Vietnamese pages an English introduction may translate, the first found wins. */
    public static final List<String> INTRODUCTIONS = List.of("gioi-thieu", "co-cau-to-chuc");
    /** The Vietnamese page an English contact page translates. */
    public static final String CONTACT = "lien-he";

    private final Catalog catalog;
    /** Per site: its English pages; asked once per rendered page, worked out once per site. */
    private final Map<String, List<Page>> english = new ConcurrentHashMap<>();

    public Translations(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A page's file name without ".md": what {@code translation_of} and {@link Catalog#page} name. */
    public static String stem(Item item) {
        String s = item.meta().source().replace('\\', '/');
        String name = s.substring(s.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /** A site's English pages, by weight. Safe to call from several threads. */
    public List<Page> english(Site site) {
        return english.computeIfAbsent(site.id(), id -> catalog.items(site, Section.PAGES).stream()
                .map(Page.class::cast).filter(Page::english).toList());
    }

    /** The Vietnamese page an English page translates, if it names one that exists. */
    public Optional<Page> original(Page english) {
        if (english.translationOf() == null) {
            return Optional.empty();
        }
        return catalog.page(english.site(), english.translationOf()).filter(p -> !p.english());
    }

    /** The English page that translates a Vietnamese page of its site. */
    public Optional<Page> translation(Page page) {
        if (page.english()) {
            return Optional.empty();
        }
        String stem = stem(page);
        return english(page.site()).stream().filter(e -> stem.equals(e.translationOf())).findFirst();
    }

    /** The site's English introduction: the translation of its introduction or organisation page. */
    public Optional<Page> introduction(Site site) {
        for (String stem : INTRODUCTIONS) {
            Optional<Page> p = english(site).stream().filter(e -> stem.equals(e.translationOf())).findFirst();
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** The site's English contact page: the translation of {@code lien-he}. */
    public Optional<Page> contact(Site site) {
        return english(site).stream().filter(e -> CONTACT.equals(e.translationOf())).findFirst();
    }

    /** Where an English reader starts: the English introduction, else the first English page. */
    public Optional<Page> englishHome(Site site) {
        return introduction(site).or(() -> english(site).stream().findFirst());
    }

    /**
     * Reports each {@code translation_of} that names no Vietnamese page of the site, and a second
     * English page for a page already translated.
     */
    public void check(Diagnostics d) {
        for (Site site : catalog.registry().sites()) {
            Map<String, Page> seen = new HashMap<>();
            for (Page e : english(site)) {
                if (e.translationOf() == null) {
                    continue;
                }
                SourcePos pos = position(e);
                Optional<Page> target = catalog.page(site, e.translationOf());
                if (target.isEmpty()) {
                    d.error(pos, "translation_of: " + e.translationOf() + " — " + site.id()
                                    + " không có trang " + e.translationOf() + ".md",
                            "tên tệp (không có .md) của một trang tiếng Việt trong trang/ của đơn vị",
                            "sửa lại tên, ví dụ: translation_of: gioi-thieu");
                } else if (target.get().english()) {
                    d.error(pos, "translation_of: " + e.translationOf() + " là một trang tiếng Anh",
                            "tên tệp của trang tiếng Việt được dịch", "ví dụ: translation_of: gioi-thieu");
                } else {
                    Page before = seen.putIfAbsent(e.translationOf(), e);
                    if (before != null) {
                        d.error(pos, "trang " + e.translationOf() + " đã có bản tiếng Anh: " + before.meta().source(),
                                "mỗi trang tiếng Việt một bản tiếng Anh", "bỏ translation_of ở một trong hai tệp");
                    }
                }
            }
        }
    }

    private static SourcePos position(Page p) {
        if (p.meta().positions() != null) {
            SourcePos at = p.meta().positions().of("translation_of");
            if (at != null) {
                return at;
            }
        }
        return SourcePos.of(p.meta().source());
    }
}
