package vn.trang.search.http;

import vn.trang.render.Layout;
import vn.trang.render.PageView;

/**
 * What {@code search.ftlh} receives: the layout every page gets (docs/THEME.md), with the
 * results.
 *
 * @param search the query, its results and the ways to narrow them
 */
public record SearchView(Layout layout, ResultsView search) implements PageView {
}
