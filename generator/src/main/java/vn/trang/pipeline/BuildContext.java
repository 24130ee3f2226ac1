package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.trang.diag.Diagnostics;

/**
 * What every stage of one build shares: the options, the project and output folders resolved
 * once, the diagnostics every stage reports to, the stage timings, and what becomes due soon
 * (the parse stage finds it, the summary lists it).
 */
record BuildContext(BuildOptions options, Path root, Path out, Diagnostics diagnostics, Timings timings,
                    List<DueItem> due) {

    /** A new build of {@code options}. */
    static BuildContext start(BuildOptions options) {
        // how many warnings the terminal lists (all go to the report); a property for tests
        Diagnostics d = new Diagnostics(Integer.getInteger("trang.warnings.keep", Diagnostics.DEFAULT_KEEP));
        return new BuildContext(options, options.root().toAbsolutePath().normalize(),
                options.out().toAbsolutePath().normalize(), d, new Timings(), new ArrayList<>());
    }

    Progress progress() {
        return options.progress();
    }

    int threads() {
        return options.threads();
    }

    /** Whether only one site is built (the others' cache records are then kept). */
    boolean oneSite() {
        return options.site() != null;
    }

    /** Runs {@code stage} and ends its timing. */
    <I, O> O timed(Stage<I, O> stage, I input) throws BuildFailed, IOException {
        O output = stage.run(input);
        timings.mark(stage.name());
        return output;
    }

    /** Fails the build when any stage so far reported an error. */
    void stopOnErrors() throws BuildFailed {
        if (diagnostics.hasErrors()) {
            throw new BuildFailed();
        }
    }
}
