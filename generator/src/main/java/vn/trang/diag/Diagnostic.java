package vn.trang.diag;

import vn.trang.text.ControlChars;

/**
 * One problem found in the input, pointing at a file position.
 *
 * <p>Editors fix content from these messages alone, so each one says where (file:line:column,
 * 1-based; 0 when a position does not apply), what is wrong, what was expected and how to fix
 * it, usually with an example.
 *
 * @param file     path as the editor knows it, relative to the project root when possible
 * @param message  what is wrong
 * @param expected what was expected (may be null)
 * @param fix      how to fix it, usually an example line (may be null)
 */
public record Diagnostic(Severity severity, String file, int line, int column,
                         String message, String expected, String fix) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The compiler-style rendering: {@code file:line:col: lỗi: message}, then indented hints.
     * Messages quote content, and content is untrusted: control characters in it are shown as
     * {@code \}{@code u001B}, so a diagnostic never drives the terminal it is printed on.
     */
    public String format() {
        return ControlChars.escape(raw());
    }

    private String raw() {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity.label()).append(": ").append(message);
        if (expected != null && !expected.isBlank()) {
            sb.append("\n    cần: ").append(expected);
        }
        if (fix != null && !fix.isBlank()) {
            sb.append("\n    sửa: ").append(fix);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
