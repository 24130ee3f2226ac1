package vn.trang.e2e;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of schema.org's vocabulary Trang uses, written out for tests (there is no network to
 * read schema.org from): each type with its supertype and the properties it adds, each property
 * with the kinds of value schema.org expects. {@link #check} walks a parsed JSON-LD value and
 * lists every unknown type, unknown property and value of the wrong kind.
 *
 * <p>Kinds: "Text", "URL", "Date", "DateTime", "Integer", or a type name (an object of that type
 * or a subtype, or a node reference {@code {"@id": …}}). A URL is also accepted where a type is
 * expected (schema.org lets a URL name a thing), and Text where schema.org says Text may stand
 * for a thing ("some data is better than none"), only where listed.
 */
final class SchemaOrgVocabulary {

    private record Type(String parent, Map<String, Set<String>> properties) {
    }

    private static final Map<String, Type> TYPES = new HashMap<>();

    private static void type(String name, String parent, Object... props) {
        Map<String, Set<String>> m = new HashMap<>();
        for (int i = 0; i < props.length; i += 2) {
            m.put((String) props[i], Set.of(((String) props[i + 1]).split("\\|")));
        }
        TYPES.put(name, new Type(parent, m));
    }

    static {
        type("Thing", null, "name", "Text", "alternateName", "Text", "description", "Text", "url", "URL",
                "identifier", "Text|URL", "image", "URL|ImageObject", "sameAs", "URL",
                "potentialAction", "Action", "mainEntityOfPage", "URL|CreativeWork");
        type("Intangible", "Thing");
        type("StructuredValue", "Intangible");
        type("ContactPoint", "StructuredValue", "telephone", "Text", "email", "Text", "faxNumber", "Text");
        type("PostalAddress", "ContactPoint", "streetAddress", "Text", "addressLocality", "Text",
                "addressRegion", "Text", "addressCountry", "Text|Country");
        type("Place", "Thing", "address", "PostalAddress|Text", "telephone", "Text");
        type("AdministrativeArea", "Place");
        type("Country", "AdministrativeArea");
        type("Organization", "Thing", "address", "PostalAddress|Text", "telephone", "Text", "email", "Text",
                "faxNumber", "Text", "parentOrganization", "Organization", "logo", "URL|ImageObject");
        type("GovernmentOrganization", "Organization");
        type("Person", "Thing", "jobTitle", "Text", "email", "Text", "telephone", "Text");
        type("CreativeWork", "Thing", "headline", "Text", "author", "Person|Organization",
                "publisher", "Person|Organization", "datePublished", "Date|DateTime", "dateModified", "Date|DateTime",
                "inLanguage", "Text", "about", "Thing|Text", "abstract", "Text", "citation", "CreativeWork|Text",
                "encoding", "MediaObject", "expires", "Date|DateTime");
        type("WebSite", "CreativeWork");
        type("WebPage", "CreativeWork", "isPartOf", "CreativeWork|URL");
        type("Article", "CreativeWork");
        type("NewsArticle", "Article");
        type("MediaObject", "CreativeWork", "contentUrl", "URL", "encodingFormat", "Text|URL", "contentSize", "Text",
                "sha256", "Text");
        type("ImageObject", "MediaObject");
        type("Legislation", "CreativeWork", "legislationIdentifier", "Text|URL", "legislationType", "Text",
                "legislationDate", "Date", "legislationDateVersion", "Date",
                "legislationPassedBy", "Organization|Person", "legislationResponsible", "Organization|Person",
                "legislationJurisdiction", "Text|AdministrativeArea", "legislationLegalForce", "LegalForceStatus",
                "legislationApplies", "Legislation", "legislationChanges", "Legislation",
                "legislationRepeals", "Legislation", "legislationConsolidates", "Legislation");
        // schema.org's LegislationObject is both a Legislation and a MediaObject
        type("LegislationObject", "MediaObject");
        type("LegalForceStatus", "Intangible");
        type("Action", "Thing", "target", "URL|EntryPoint");
        type("EntryPoint", "Intangible", "urlTemplate", "Text");
        // "query-input" is schema.org's documented shorthand of a PropertyValueSpecification
        type("SearchAction", "Action", "query", "Text", "query-input", "Text");
        type("ItemList", "Intangible", "itemListElement", "ListItem|Thing|Text", "numberOfItems", "Integer");
        type("BreadcrumbList", "ItemList");
        type("ListItem", "Intangible", "position", "Integer|Text", "item", "Thing");
        type("Service", "Intangible", "serviceType", "Text", "provider", "Organization|Person",
                "audience", "Audience", "availableChannel", "ServiceChannel", "serviceOutput", "Thing|Text",
                "areaServed", "Text|Place");
        type("GovernmentService", "Service", "serviceOperator", "Organization", "jurisdiction", "Text|AdministrativeArea");
        type("Audience", "Intangible", "audienceType", "Text");
        type("ServiceChannel", "Intangible", "serviceUrl", "URL", "serviceLocation", "Place",
                "processingTime", "Text", "servicePhone", "ContactPoint");
    }

    private static final Set<String> LEGAL_FORCE = Set.of("https://schema.org/InForce",
            "https://schema.org/NotInForce", "https://schema.org/PartiallyInForce");

    private SchemaOrgVocabulary() {
    }

    /** The problems of one JSON-LD block (a parsed top-level object); empty when it is valid. */
    static List<String> check(Object block) {
        List<String> problems = new ArrayList<>();
        if (!(block instanceof Map<?, ?> m) || !"https://schema.org".equals(m.get("@context"))) {
            problems.add("not an object with @context https://schema.org");
            return problems;
        }
        if (m.containsKey("@graph")) {
            if (!(m.get("@graph") instanceof List<?> graph) || m.size() != 2) {
                problems.add("@graph must be a list beside @context alone");
                return problems;
            }
            for (Object node : graph) {
                node(node, Set.of("Thing"), "@graph", problems);
            }
        } else {
            node(m, Set.of("Thing"), "", problems);
        }
        return problems;
    }

    private static void node(Object v, Set<String> expected, String where, List<String> problems) {
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(where + ": expected an object of " + expected);
            return;
        }
        if (m.size() == 1 && m.get("@id") instanceof String id) {
            if (!url(id)) {
                problems.add(where + ": @id is not a URL: " + id);
            }
            return;
        }
        Object t = m.get("@type");
        if (!(t instanceof String type) || !TYPES.containsKey(type)) {
            problems.add(where + ": unknown @type " + t);
            return;
        }
        if (expected.stream().noneMatch(e -> isA(type, e))) {
            problems.add(where + ": " + type + " where " + expected + " is expected");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String p = (String) e.getKey();
            if (p.equals("@type") || p.equals("@context")) {
                continue;
            }
            if (p.equals("@id")) {
                if (!(e.getValue() instanceof String id) || !url(id)) {
                    problems.add(where + "/" + type + ": @id is not a URL: " + e.getValue());
                }
                continue;
            }
            Set<String> kinds = property(type, p);
            if (kinds == null) {
                problems.add(where + ": " + type + " has no property " + p);
                continue;
            }
            List<?> values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
            if (values.isEmpty()) {
                problems.add(where + "/" + p + ": empty list");
            }
            for (Object value : values) {
                value(value, kinds, where + "/" + type + "." + p, problems);
            }
        }
    }

    private static void value(Object v, Set<String> kinds, String where, List<String> problems) {
        if (v instanceof Map<?, ?>) {
            Set<String> types = new java.util.HashSet<>(kinds);
            types.removeAll(Set.of("Text", "URL", "Date", "DateTime", "Integer"));
            if (types.isEmpty()) {
                problems.add(where + ": an object where " + kinds + " is expected");
            } else {
                node(v, types, where, problems);
            }
            return;
        }
        boolean ok = false;
        for (String k : kinds) {
            ok |= switch (k) {
                case "Text" -> v instanceof String s && !s.isBlank();
                case "URL" -> v instanceof String s && url(s);
                case "Date" -> v instanceof String s && date(s);
                case "DateTime" -> v instanceof String s && dateTime(s);
                case "Integer" -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
                case "LegalForceStatus" -> LEGAL_FORCE.contains(v);
                default -> v instanceof String s && url(s); // a thing named by its URL
            };
        }
        if (!ok) {
            problems.add(where + ": " + v + " is not " + kinds);
        }
    }

    private static Set<String> property(String type, String p) {
        for (String t = type; t != null; t = TYPES.get(t).parent()) {
            Set<String> kinds = TYPES.get(t).properties().get(p);
            if (kinds != null) {
                return kinds;
            }
        }
        return null;
    }

    private static boolean isA(String type, String expected) {
        for (String t = type; t != null; t = TYPES.get(t).parent()) {
            if (t.equals(expected)) {
                return true;
            }
        }
        // LegislationObject is a Legislation too
        return type.equals("LegislationObject") && expected.equals("Legislation");
    }

    private static boolean url(String s) {
        try {
            URI u = URI.create(s.replace("{", "%7B").replace("}", "%7D"));
            return u.isAbsolute() && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean dateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
