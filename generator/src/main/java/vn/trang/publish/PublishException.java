package vn.trang.publish;

/** A publish or rollback that could not be done; the live site is as it was. */
public final class PublishException extends Exception {

    private final boolean usage;

    public PublishException(String message) {
        this(message, false, null);
    }

    public PublishException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private PublishException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A mistake in the command line (exit code 2) rather than a failure. */
    public static PublishException usage(String message) {
        return new PublishException(message, true, null);
    }

    public boolean isUsage() {
        return usage;
    }
}
