package vn.trang.image;

/**
 * An image the build will not publish: not what its name says, damaged, or too large to decode.
 * The message says what is wrong (Vietnamese, for the editor), {@link #fix} what to do.
 */
public final class ImageRejected extends Exception {

    private final String expected;
    private final String fix;

    ImageRejected(String message, String expected, String fix) {
        super(message, null, false, false);
        this.expected = expected;
        this.fix = fix;
    }

    public String expected() {
        return expected;
    }

    public String fix() {
        return fix;
    }
}
