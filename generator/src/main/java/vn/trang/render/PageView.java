package vn.trang.render;

/**
 * The view of an HTML page: the layout every page shares (header, menu, breadcrumb, footer) and
 * what this page adds. Templates read both at the top level ({@code ${site.name}},
 * {@code ${item.title}}): the layout is not a name of its own.
 */
public interface PageView extends View {

    Layout layout();
}
