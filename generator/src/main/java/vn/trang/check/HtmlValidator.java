package vn.trang.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nu.validator.validation.SimpleDocumentValidator;

/**
 * HTML validity by the Nu Html Checker (the W3C's validator), in-process and offline: its
 * schemas ship inside the jar. Setting it up costs seconds, so one instance checks many pages;
 * it is not thread-safe, so each thread gets its own.
 */
public final class HtmlValidator {

    /** A validity error with its position in the page. */
    public record Problem(int line, int column, String message) {
    }

    private static final String SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

    private final SimpleDocumentValidator validator = new SimpleDocumentValidator();
    private final List<Problem> problems = new ArrayList<>();

    public HtmlValidator() throws SAXException {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings are advice ("consider adding lang"), not validity errors.
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(new Problem(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(new Problem(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }
        };
        try {
            validator.setUpMainSchema(SCHEMA, collect);
            validator.setUpValidatorAndParsers(collect, true, false);
        } catch (Exception e) {
            throw new SAXException("không khởi tạo được bộ kiểm tra HTML: " + e.getMessage(), e);
        }
    }

    /** The validity errors of one page. */
    public List<Problem> check(Path page) throws IOException {
        problems.clear();
        try {
            validator.checkHtmlFile(page.toFile(), true);
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem(0, 0, e.getMessage()));
            }
        }
        return List.copyOf(problems);
    }
}
