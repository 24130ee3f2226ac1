package vn.trang.publish;

import java.util.List;

/** A publish or rollback that could not be done; the live site is as it was. */
public final class PublishException extends Exception {

    private final boolean usage;
    private final String where;
    private final List<ReleaseProblem> problems;

    public PublishException(String message) {
        this(message, false, null);
    }

    public PublishException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private PublishException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
        this.where = null;
        this.problems = List.of();
    }

    /** A release refused because its files do not match its manifest. */
    PublishException(String message, Target.Verification refused) {
        super(message);
        this.usage = false;
        this.where = refused.where();
        this.problems = refused.problems();
    }

    /** The files of a refused release that do not match its manifest (empty for other failures). */
    public List<ReleaseProblem> problems() {
        return problems;
    }

    /** How to name those files: {@code where() + path}. */
    public String where() {
        return where;
    }

    /** A mistake in the command line (exit code 2) rather than a failure. */
    public static PublishException usage(String message) {
        return new PublishException(message, true, null);
    }

    public boolean isUsage() {
        return usage;
    }
}
