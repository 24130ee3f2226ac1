package vn.trang.diag;

/** A position in a source file: 1-based line and column; 0 means "not known / whole file". */
public record SourcePos(String file, int line, int column) {

    public static SourcePos of(String file) {
        return new SourcePos(file, 0, 0);
    }

    public SourcePos at(int line, int column) {
        return new SourcePos(file, line, column);
    }
}
