package vn.trang.render;

/**
 * What one template receives: a record whose components are the names the template reads
 * ({@code ${item.title}} reads the component {@code item}). docs/THEME.md lists every view and
 * its fields; {@code ThemeDocumentationTest} keeps the two in step.
 *
 * <p>Templates see a view through {@link ViewWrapper}: by component name, and for a
 * {@link PageView} the {@link Layout}'s components beside the view's own.
 */
public interface View {
}
