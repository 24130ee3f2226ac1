package vn.trang.procedure;

/** Why a record cannot be converted: a category for the summary, and the detail. */
final class Unconvertible extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String category;

    Unconvertible(String category, String detail) {
        super(detail, null, false, false);
        this.category = category;
    }
}
