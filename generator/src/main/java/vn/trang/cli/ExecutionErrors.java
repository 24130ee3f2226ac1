package vn.trang.cli;

import java.io.PrintWriter;
import java.net.BindException;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * An exception a command did not handle: a port that cannot be opened is the user's to fix (exit
 * 2); anything else is a bug in Trang (exit 3), said in those words so that it gets reported.
 *
 * <p>A class, not a lambda: a lambda implementing one of picocli's interfaces (Java 5 class
 * files) makes JDK 17's class-data-sharing dump, which the launcher runs at the end of the first
 * build after the jar changes, crash the JVM.
 */
final class ExecutionErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        BindException bind = cause(ex, BindException.class);
        if (bind != null) {
            // Not a bug: the port is taken, or --host names an address this machine does not have.
            err.println("trang " + commandLine.getCommandName() + ": không mở được cổng để lắng nghe (" + bind.getMessage()
                    + "): cổng đang được dùng hoặc địa chỉ không thuộc máy này; chọn --port, --host khác / cannot listen");
            err.flush();
            return TrangCommand.USAGE;
        }
        err.println("trang: lỗi nội bộ: " + vn.trang.text.ControlChars.escape(String.valueOf(ex)));
        err.println("Đây là lỗi của Trang, không phải của nội dung; vui lòng báo lại kèm thông báo này.");
        err.flush();
        return TrangCommand.INTERNAL;
    }

    /** {@code ex} or the first of its causes that is a {@code type}, or null. */
    static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
