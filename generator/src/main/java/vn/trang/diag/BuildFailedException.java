package vn.trang.diag;

/** Thrown to stop a stage when errors already recorded make going on pointless. */
public final class BuildFailedException extends RuntimeException {
    public BuildFailedException(String message) {
        super(message);
    }
}
