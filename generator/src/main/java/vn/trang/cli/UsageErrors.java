package vn.trang.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse: one line saying what is wrong, in the words of the rest of
 * Trang's errors (Vietnamese, then a short English gloss after " / " that can be searched for and
 * quoted in a report), picocli's suggestion when it has one, and where to read the usage. Exit 2.
 *
 * <p>Picocli words these errors in English and, by default, prints the whole usage help after
 * them, which pushes the one line that matters off the screen. Errors the commands raise
 * themselves ({@link OptionValues}) are already worded and pass through unchanged.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String command = cl.getCommandSpec().qualifiedName();
        err.println(command + ": " + message(ex));
        List<String> suggestions = ex instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        if (!suggestions.isEmpty()) {
            boolean options = suggestions.get(0).startsWith("-");
            err.println("Có phải ý bạn là: " + suggestions.stream().map(s -> options ? s : command + " " + s)
                    .collect(Collectors.joining(", ")) + "?");
        }
        if (args.length == 0 && cl.getParent() == null) {
            // `trang` alone: what there is to run is the answer
            err.println();
            err.print(cl.getUsageMessage());
        } else {
            err.println("Xem hướng dẫn: " + command + " --help");
        }
        err.flush();
        return TrangCommand.USAGE;
    }

    /** What is wrong, without the command's name. */
    static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u) {
            return unmatched(u);
        }
        if (ex instanceof MissingParameterException m) {
            return missing(m);
        }
        if (ex instanceof OverwrittenOptionException o) {
            return label(o.getOverwritten()) + ": chỉ được nêu một lần / may be given only once";
        }
        if (ex.getCause() instanceof TypeConversionException t && ex.getArgSpec() != null) {
            // the converters of OptionValues word the value's problem; picocli adds "Invalid value for"
            return label(ex.getArgSpec()) + ": " + t.getMessage();
        }
        if (ex.getValue() != null && ex.getMessage().startsWith("Unknown subcommand")) {
            // `trang help NAME` of a command that does not exist
            return "không có lệnh '" + OptionValues.shown(ex.getValue()) + "' / unknown command";
        }
        if (ex.getClass() == ParameterException.class) {
            // raised by the commands themselves (OptionValues, TrangCommand), already in Vietnamese
            return ex.getMessage();
        }
        // a rarer picocli check (too many values, options that exclude each other): its words, said to be picocli's
        return "sai cú pháp lệnh (" + ex.getMessage() + ") / usage error";
    }

    private static String unmatched(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (u.isUnknownOption()) {
            String option = unmatched.stream().filter(a -> a.startsWith("-")).findFirst().orElse(first);
            return "không có tùy chọn '" + OptionValues.shown(option) + "' / unknown option";
        }
        CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            return "không có lệnh '" + OptionValues.shown(first) + "' / unknown command";
        }
        return "thừa tham số '" + OptionValues.shown(first) + "' / unexpected argument";
    }

    private static String missing(MissingParameterException m) {
        List<ArgSpec> missing = m.getMissing();
        String text = String.valueOf(m.getMessage());
        if (!missing.isEmpty() && missing.get(0) instanceof OptionSpec o
                && (text.startsWith("Missing required parameter for option") || text.startsWith("Expected parameter for option"))) {
            return "tùy chọn " + o.longestName() + " cần một giá trị " + o.paramLabel() + " / option needs a value";
        }
        List<String> options = missing.stream().filter(OptionSpec.class::isInstance).map(UsageErrors::name).toList();
        if (!options.isEmpty()) {
            return "thiếu tùy chọn bắt buộc " + String.join(", ", options) + " / missing required option";
        }
        // picocli reports the first missing positional parameter; the ones after it are missing too
        int from = missing.stream().filter(PositionalParamSpec.class::isInstance).map(PositionalParamSpec.class::cast)
                .mapToInt(p -> p.index().min()).min().orElse(0);
        List<String> params = m.getCommandLine().getCommandSpec().positionalParameters().stream()
                .filter(p -> p.required() && p.index().min() >= from).map(PositionalParamSpec::paramLabel).toList();
        return "thiếu tham số bắt buộc " + String.join(", ", params.isEmpty() ? List.of("?") : params)
                + " / missing required parameter";
    }

    /** An option's longest name, or a parameter's label. */
    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /** An option as the user types it ({@code --site=ID}, {@code --no-cache}), or a parameter's label. */
    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return o.arity().max() > 0 ? o.longestName() + "=" + o.paramLabel() : o.longestName();
        }
        return arg.paramLabel();
    }
}
