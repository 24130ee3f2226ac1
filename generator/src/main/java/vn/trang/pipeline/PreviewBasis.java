package vn.trang.pipeline;

import java.nio.file.Path;
import java.util.List;

import vn.trang.load.SiteRegistry;
import vn.trang.model.Item;
import vn.trang.render.Theme;

/**
 * What a successful build leaves for previews of one more entry ({@link EntryPreview}): its
 * options, sites and theme, and its items as parsed, before linking (the linker makes a
 * document's relations both ways, so an entry is linked again with the others). Bodies stay where
 * the build kept them and are not read: a preview shows one entry's page, never another's text.
 *
 * @param root  the project folder, absolute
 * @param items the items the build showed (drafts too in {@code trang serve}), in the sources' order
 */
public record PreviewBasis(BuildOptions options, Path root, SiteRegistry registry, Theme theme, List<Item> items) {

    public PreviewBasis {
        items = List.copyOf(items);
    }
}
