package vn.trang.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every XML file of a built site (RSS feeds, sitemaps, OpenSearch descriptions) read by a real
 * XML parser: a file that is not well-formed is an error at its line and column. Feed readers and
 * search engines drop such a file whole, silently, so the build's own output is checked.
 *
 * <p>The parser reads nothing but the file: no DOCTYPE, no external entities.
 */
final class XmlOutputs {

    private XmlOutputs() {
    }

    /** The findings for every {@code .xml} file under {@code out}, reports excepted. */
    static List<Finding> check(Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .filter(p -> !out.relativize(p).getName(0).toString().equals("_reports")).sorted().toList();
        }
        List<Finding> findings = new ArrayList<>();
        SAXParser parser = parser();
        for (Path p : files) {
            String rel = out.relativize(p).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(p)) {
                parser.reset();
                parser.parse(in, new DefaultHandler());
            } catch (SAXParseException e) {
                findings.add(new Finding(rel, null, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), true,
                        "xml", "tệp XML không hợp lệ (trình đọc tin RSS, công cụ tìm kiếm sẽ bỏ qua cả tệp): "
                                + e.getMessage()));
            } catch (SAXException e) {
                findings.add(new Finding(rel, null, 0, 0, true, "xml", "tệp XML không hợp lệ: " + e.getMessage()));
            }
        }
        return findings;
    }

    private static SAXParser parser() throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("không tạo được trình đọc XML: " + e.getMessage(), e);
        }
    }
}
