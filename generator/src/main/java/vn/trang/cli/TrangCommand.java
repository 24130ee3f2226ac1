package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trang} command. The CLI only wires stages together; each subcommand is a class.
 *
 * <p>It speaks Vietnamese: descriptions are written in it, picocli's own words (headings, the
 * help and version options, the help command) come from the {@code Messages} bundle beside this
 * class, and {@link UsageErrors} rewords picocli's parse errors. Errors add a short English gloss
 * after " / ", for searching and for reports. A command's first description line is its summary
 * in {@code trang --help}: a whole sentence that fits the 80-column list.
 *
 * <p>Exit codes: 0 success, 1 content errors (diagnostics printed), 2 usage errors, 3 internal
 * errors (a bug: please report it with the message).
 */
@Command(name = "trang", mixinStandardHelpOptions = true, versionProvider = TrangVersion.class,
        resourceBundle = "vn.trang.cli.Messages",
        description = {"Trang: trang thông tin điện tử cho cơ quan nhà nước cấp tỉnh.",
                "Tạo các trang web tĩnh từ nội dung Markdown trong Git, kiểm tra và phát hành chúng."},
        exitCodeListHeading = "%nMã thoát:%n",
        exitCodeList = {"0:thành công", "1:nội dung có lỗi", "2:sai cú pháp lệnh", "3:lỗi nội bộ (lỗi của Trang: xin báo lại)"})
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
            CiteCommand.class, CheckCommand.class, FmtCommand.class, SearchCommand.class, ImportCommand.class,
            VerifyCommand.class, PublishCommand.class, RollbackCommand.class, VerifyReleaseCommand.class,
            CommandLine.HelpCommand.class);

    /** Runs the CLI with the given streams (tests call this directly). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler(new ExecutionErrors());
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
        // subcommands added after construction get the bundle only this way
        cl.setResourceBundle(cl.getResourceBundle());
        // and `trang build --version` answers as `trang --version` does
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(cl.getCommandSpec().versionProvider());
        }
        OptionValues.register(cl);
        return cl;
    }
}
