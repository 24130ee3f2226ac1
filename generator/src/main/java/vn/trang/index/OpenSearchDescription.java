package vn.trang.index;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.trang.model.Site;

/**
 * The OpenSearch 1.1 description of a site ({@code <site path>/opensearch.xml}), which lets a
 * browser add the site's search box to its own: a unit's description searches that unit, the
 * portal's the whole province. The search URL is on the site's own host, at the service's path.
 */
public final class OpenSearchDescription {

    public static final String FILE = "opensearch.xml";
    public static final String SEARCH_PATH = "/tim-kiem";
    public static final String API_PATH = "/api/search";
    private static final String NS = "http://a9.com/-/spec/opensearch/1.1/";

    private OpenSearchDescription() {
    }

    public static String of(Site site, String iconPath) {
        String siteParam = site.portal() ? "" : "&site=" + site.id();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("OpenSearchDescription");
            x.writeDefaultNamespace(NS);
            element(x, "ShortName", shortName(site));
            element(x, "Description", "Tìm kiếm trên " + site.name());
            element(x, "InputEncoding", "UTF-8");
            element(x, "Language", site.language() == null ? "vi" : site.language());
            url(x, "text/html", site.absolute(SEARCH_PATH) + "?q={searchTerms}" + siteParam);
            url(x, "application/json", site.absolute(API_PATH) + "?q={searchTerms}" + siteParam);
            x.writeCharacters("\n  ");
            x.writeStartElement("Image");
            x.writeAttribute("type", "image/svg+xml");
            x.writeCharacters(site.absolute(iconPath));
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("không tạo được mô tả OpenSearch: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    /** OpenSearch limits ShortName to 16 characters: the short name when the site has one. */
    static String shortName(Site site) {
        String s = site.shortName() != null && !site.shortName().isBlank() ? site.shortName() : site.name();
        return s.length() <= 16 ? s : s.substring(0, 15).strip() + "…";
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void url(XMLStreamWriter x, String type, String template) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeEmptyElement("Url");
        x.writeAttribute("type", type);
        x.writeAttribute("method", "get");
        x.writeAttribute("template", template);
    }
}
