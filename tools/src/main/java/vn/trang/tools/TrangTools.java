package vn.trang.tools;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tools/trang-tools}: the developers' tools, kept out of the product jar. A province runs
 * {@code trang}; these make the benchmark's synthetic province and measure the search's relevance
 * (docs/BENCHMARKS.md, docs/SEARCH.md). The search load drivers are plain main classes in
 * {@code vn.trang.search.eval}, run by bench/search-load.sh.
 *
 * <p>Exit codes as {@code trang}'s: 0 success, 1 bad input data, 2 usage errors, 3 internal errors.
 */
@Command(name = "trang-tools", mixinStandardHelpOptions = true, versionProvider = TrangTools.Version.class,
        description = {"Công cụ cho người phát triển Trang (không nằm trong bản phát hành).",
                "Developers' tools: the benchmark corpus and the search evaluation (not shipped)."},
        subcommands = {CorpusCommand.class, EvalSearchCommand.class, CommandLine.HelpCommand.class})
public final class TrangTools implements Runnable {

    public static final int OK = 0;
    public static final int DATA_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    /** More threads than this is a typo, not a machine (as {@code trang}'s --threads). */
    static final int MAX_THREADS = 1024;

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "thiếu lệnh con (corpus, eval-search) / missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the tools' CLI with the given streams (tests call this directly). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TrangTools());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("trang-tools: lỗi nội bộ / internal error: " + ex);
            return INTERNAL;
        });
        return cl.execute(args);
    }

    /** The product's version the tools were built with (they are built and versioned together). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = vn.trang.cli.TrangCommand.class.getPackage().getImplementationVersion();
            return new String[] {"trang-tools " + (v == null ? "dev" : v)};
        }
    }

    /** The --threads asked for, or one per core when absent or below 1; more than {@link #MAX_THREADS} is refused. */
    static int threads(CommandSpec spec, Integer threads) {
        if (threads != null && threads > MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads " + threads + ": tối đa " + MAX_THREADS
                    + " luồng / at most " + MAX_THREADS + " threads");
        }
        return threads == null || threads < 1 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
