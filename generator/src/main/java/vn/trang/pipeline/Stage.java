package vn.trang.pipeline;

import java.io.IOException;

/**
 * One step of a build: a typed input to a typed output. A stage object holds what it works with
 * (the build's context, the cache), the input record carries what the earlier stages made.
 * {@link BuildContext#timed} runs it and records its wall time under {@link #name()}.
 *
 * @param <I> what the stage reads
 * @param <O> what it hands to the next stages
 */
interface Stage<I, O> {

    /** The stage's name in {@code TRANG_TIMINGS} output (see {@link Timings}). */
    String name();

    /**
     * @throws BuildFailed the stage reported an error: the build stops and the output stays
     * @throws IOException a file could not be read or written
     */
    O run(I input) throws BuildFailed, IOException;
}
