package vn.trang.publish;

/**
 * Crash points for tests: with {@code -Dtrang.failpoint=NAME} (or {@code NAME:N}, the N-th time)
 * the process halts at that point as if killed with SIGKILL: no finally blocks, no shutdown
 * hooks. Tests use it to prove every step of a publish or rollback leaves the live site complete;
 * they also kill real child processes at random moments. Unset in production: one property read.
 */
final class Failpoints {

    private static final String SPEC = System.getProperty("trang.failpoint", "");
    private static int hits;

    private Failpoints() {
    }

    static synchronized void hit(String name) {
        if (SPEC.isEmpty()) {
            return;
        }
        int colon = SPEC.indexOf(':');
        String wanted = colon < 0 ? SPEC : SPEC.substring(0, colon);
        if (!wanted.equals(name)) {
            return;
        }
        hits++;
        int n = colon < 0 ? 1 : Integer.parseInt(SPEC.substring(colon + 1));
        if (hits == n) {
            Runtime.getRuntime().halt(137);
        }
    }
}
