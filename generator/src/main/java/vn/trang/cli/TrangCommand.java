package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trang} command. The CLI only wires stages together; each subcommand is a class.
 *
 * <p>Exit codes: 0 success, 1 content errors (diagnostics printed), 2 usage errors, 3 internal
 * errors (a bug: please report it with the message).
 */
@Command(name = "trang", mixinStandardHelpOptions = true, versionProvider = TrangCommand.Version.class,
        description = {"Trang: trang thông tin điện tử cho cơ quan nhà nước cấp tỉnh.",
                "Static-site generator and publishing pipeline for Vietnamese provincial government websites."},
        exitCodeListHeading = "%nMã thoát / exit codes:%n",
        exitCodeList = {"0:thành công / ok", "1:nội dung có lỗi / content errors",
                "2:sai cú pháp lệnh / usage error", "3:lỗi nội bộ / internal error"})
public final class TrangCommand implements Runnable {

    public static final int OK = 0;
    public static final int CONTENT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "thiếu lệnh con (build, serve, new, cite) / missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(BuildCommand.class, ServeCommand.class, NewCommand.class,
            CiteCommand.class, CheckCommand.class, SearchCommand.class, ImportCommand.class,
            VerifyCommand.class, PublishCommand.class, RollbackCommand.class, VerifyReleaseCommand.class,
            CommandLine.HelpCommand.class);

    /** Runs the CLI with the given streams (tests call this directly). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            java.net.BindException bind = cause(ex, java.net.BindException.class);
            if (bind != null) {
                // Not a bug: the port is taken, or --host names an address this machine does not have.
                err.println("trang " + commandLine.getCommandName() + ": không mở được cổng để lắng nghe (" + bind.getMessage()
                        + "): cổng đang được dùng hoặc địa chỉ không thuộc máy này; chọn --port, --host khác / cannot listen");
                return USAGE;
            }
            err.println("trang: lỗi nội bộ: " + vn.trang.text.ControlChars.escape(String.valueOf(ex)));
            err.println("Đây là lỗi của Trang, không phải của nội dung; vui lòng báo lại kèm thông báo này.");
            return INTERNAL;
        });
        return cl.execute(args);
    }

    /** The command line for {@code args}: the subcommand they name, or all of them. */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new TrangCommand());
        // Picocli reads every subcommand's annotations when it is added (reflection, and its own
        // classes are too old for the JVM's class-data sharing): about 70 ms of each run's start
        // for the others. Only the one named first is added, when it is one; help,
        // usage errors and anything else get them all.
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> !c.equals(CommandLine.HelpCommand.class) && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> c : named != null ? List.<Class<?>>of(named) : SUBCOMMANDS) {
            try {
                cl.addSubcommand(cl.getFactory().create(c));
            } catch (Exception e) {
                throw new IllegalStateException("lệnh con " + c.getName() + ": " + e, e);
            }
        }
        OptionValues.register(cl);
        return cl;
    }

    /** {@code ex} or the first of its causes that is a {@code type}, or null. */
    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TrangCommand.class.getPackage().getImplementationVersion();
            return new String[] {"trang " + (v == null ? "dev" : v)};
        }
    }
}
