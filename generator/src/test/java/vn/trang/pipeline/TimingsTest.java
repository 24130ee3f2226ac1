package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** CPU per thread group in TRANG_TIMINGS, with the JIT's compilers kept apart. */
class TimingsTest {

    @Test
    void threadNamesLoseTheirNumbersButNotTheCompilerKind() {
        assertEquals("C2 CompilerThre", Timings.group("C2 CompilerThre"));
        assertEquals("C1 CompilerThre", Timings.group("C1 CompilerThre"));
        assertEquals("GC Thread", Timings.group("GC Thread#1"));
        assertEquals("ForkJoinPool-worker", Timings.group("ForkJoinPool-1-worker-3"));
        assertEquals("trang-render", Timings.group("trang-render-12"));
        assertEquals("G1 Conc", Timings.group("G1 Conc#0"));
        assertEquals("main", Timings.group("main"));
    }

    @Test
    void readsThisProcessThreadsOnLinux() {
        // Linux names a JVM's first thread after the program ("java"); some launchers keep "main".
        Map<String, Long> cpu = Timings.threadCpu();
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            assertTrue(cpu.isEmpty());
            return;
        }
        assertTrue(cpu.keySet().stream().anyMatch(k -> k.equals("java") || k.equals("main")), cpu::toString);
        assertTrue(cpu.values().stream().allMatch(v -> v >= 0), cpu::toString);
    }
}
