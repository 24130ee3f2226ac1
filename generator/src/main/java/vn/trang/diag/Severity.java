package vn.trang.diag;

/** How bad a diagnostic is: errors fail the build, warnings are counted and shown. */
public enum Severity {
    ERROR("lỗi"),
    WARNING("cảnh báo");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The Vietnamese word printed in front of the message. */
    public String label() {
        return label;
    }
}
