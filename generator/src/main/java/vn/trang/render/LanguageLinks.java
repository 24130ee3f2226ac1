package vn.trang.render;

import java.util.List;
import java.util.Optional;

import vn.trang.link.Translations;
import vn.trang.model.Item;
import vn.trang.model.Page;
import vn.trang.model.Site;
import vn.trang.render.ViewModels.Alternate;
import vn.trang.render.ViewModels.LanguageSwitch;

/**
 * The hreflang alternates and the language switch of a page. Only a site with English pages has
 * a switch: on a Vietnamese page it leads to the page's English translation, else to the site's
 * English introduction; on an English page to the page it translates, else to the site's home.
 * Only a translated page and its translation name each other as alternates; Vietnamese is the
 * x-default.
 */
final class LanguageLinks {

    /** The language names the switch shows, each in its own language (not the page's). */
    static final String ENGLISH = "English";
    static final String VIETNAMESE = "Tiếng Việt";

    private final Translations translations;

    LanguageLinks(Translations translations) {
        this.translations = translations;
    }

    /** The switch of a page of {@code site} ({@code item}: the page's item, or null). */
    LanguageSwitch languageSwitch(Site site, Item item) {
        if (item instanceof Page p && p.english()) {
            String url = translations.original(p).map(Item::url).orElse(site.path());
            return new LanguageSwitch("vi", VIETNAMESE, url);
        }
        Optional<Page> target = item instanceof Page p ? translations.translation(p) : Optional.empty();
        return target.or(() -> translations.englishHome(site))
                .map(e -> new LanguageSwitch("en", ENGLISH, e.url())).orElse(null);
    }

    /** The alternates of a page: vi, en and x-default when it is a translated pair, else none. */
    List<Alternate> alternates(Item item) {
        if (!(item instanceof Page p)) {
            return List.of();
        }
        Optional<Page> vi = p.english() ? translations.original(p) : Optional.of(p);
        Optional<Page> en = p.english() ? Optional.of(p) : translations.translation(p);
        if (vi.isEmpty() || en.isEmpty()) {
            return List.of();
        }
        String viUrl = vi.get().absoluteUrl();
        return List.of(new Alternate("vi", viUrl), new Alternate("en", en.get().absoluteUrl()),
                new Alternate("x-default", viUrl));
    }
}
