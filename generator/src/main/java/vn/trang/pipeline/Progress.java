package vn.trang.pipeline;

/**
 * What a long build reports as it goes: the CLI shows pages done, rate and time left
 * on a terminal, and nothing in CI. Called from several threads.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void stage(String name, long total) {
        }

        @Override
        public void advance(long n) {
        }
    };

    /** A stage starts with {@code total} units of work (0 when unknown). */
    void stage(String name, long total);

    /** {@code n} more units of the current stage are done. */
    void advance(long n);
}
