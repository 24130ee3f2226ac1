package vn.trang.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a build draws its progress line: only on a terminal a person watches. */
class TerminalProgressTest {

    @Test
    void onATerminalOnly() {
        assertTrue(TerminalProgress.wanted("true", false, null, "xterm"));
        assertFalse(TerminalProgress.wanted("false", true, null, "xterm"), "stderr to a file or pipe, stdout on a terminal");
        assertTrue(TerminalProgress.wanted(null, true, null, "xterm"), "without the launcher: the console decides");
        assertFalse(TerminalProgress.wanted(null, false, null, "xterm"));
    }

    @Test
    void neverInCi() {
        assertFalse(TerminalProgress.wanted("true", true, "true", "xterm"));
        assertFalse(TerminalProgress.wanted("true", true, "1", "xterm"));
        assertTrue(TerminalProgress.wanted("true", true, "false", "xterm"));
        assertTrue(TerminalProgress.wanted("true", true, "", "xterm"));
        assertFalse(TerminalProgress.wanted("true", true, null, "dumb"));
    }
}
