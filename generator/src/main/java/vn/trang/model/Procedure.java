package vn.trang.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.text.Json;

/**
 * An administrative procedure (thủ tục hành chính), with the fields of the national public
 * service portal in its order (docs/DOMAIN.md#procedures).
 *
 * @param code               mã thủ tục: national "1.000894" or a province's "1.000894.000.00.00.H38"
 * @param decision           số quyết định công bố, normalised when it parses, or null
 * @param field              lĩnh vực
 * @param serviceLevel       mức độ dịch vụ công trực tuyến
 * @param implementingLevels cấp thực hiện, in the order given (may be empty)
 * @param procedureType      loại thủ tục, or null
 * @param steps              trình tự thực hiện, in order
 * @param channels           cách thức thực hiện, one per row
 * @param dossier            thành phần hồ sơ, by case
 * @param targetGroups       đối tượng thực hiện
 * @param agencies           cơ quan thực hiện, có thẩm quyền, được ủy quyền, phối hợp
 * @param receptionAddress   địa chỉ tiếp nhận hồ sơ, or null
 * @param results            kết quả thực hiện (usually one)
 * @param legalBasis         căn cứ pháp lý, as given
 * @param conditions         yêu cầu, điều kiện as written (Markdown), or null
 * @param conditionsHtml     the conditions rendered and sanitised, or null
 * @param forms              mẫu đơn, tờ khai published beside the page
 * @param onlineUrl          where to submit online, or null
 * @param sourceUrl          the procedure's page on the national portal, or null
 * @param keywords           từ khóa
 */
public record Procedure(ItemMeta meta, String code, String decision, String field, ServiceLevel serviceLevel,
                        List<ImplementingLevel> implementingLevels, String procedureType,
                        List<ProcedureStep> steps, List<ProcedureChannel> channels, List<DossierCase> dossier,
                        List<String> targetGroups, ProcedureAgencies agencies, String receptionAddress,
                        List<String> results, List<LegalBasis> legalBasis, String conditions,
                        String conditionsHtml, List<DocumentFile> forms, String onlineUrl, String sourceUrl,
                        List<String> keywords) implements Item {

    public Procedure {
        implementingLevels = List.copyOf(implementingLevels);
        steps = List.copyOf(steps);
        channels = List.copyOf(channels);
        dossier = List.copyOf(dossier);
        targetGroups = List.copyOf(targetGroups);
        agencies = agencies == null ? ProcedureAgencies.NONE : agencies;
        results = List.copyOf(results);
        legalBasis = List.copyOf(legalBasis);
        forms = List.copyOf(forms);
        keywords = List.copyOf(keywords);
    }

    public Procedure withMeta(ItemMeta m) {
        return new Procedure(m, code, decision, field, serviceLevel, implementingLevels, procedureType, steps, channels,
                dossier, targetGroups, agencies, receptionAddress, results, legalBasis, conditions, conditionsHtml, forms,
                onlineUrl, sourceUrl, keywords);
    }

    /** The current level's id (toan-trinh, mot-phan, thong-tin), a legacy level mapped; null when none. */
    public String level() {
        return serviceLevel == null ? null : serviceLevel.current().id();
    }

    /** The current level's label, what facets, statistics and search show. */
    public String levelLabel() {
        return serviceLevel == null ? null : serviceLevel.current().label();
    }

    /** The legacy level the source declared ("Mức độ 3"), shown beside the current one; null when current. */
    public String sourceLevelLabel() {
        return serviceLevel == null || !serviceLevel.legacy() ? null : serviceLevel.label();
    }

    /** Whether it is an online public service: toàn trình or một phần (legacy mức 3–4). */
    public boolean online() {
        return serviceLevel != null && serviceLevel.online();
    }

    /** Whether it is fully online (toàn trình, or the legacy mức 4). */
    public boolean fullyOnline() {
        return serviceLevel != null && serviceLevel.fullyOnline();
    }

    /** The first implementing level, or null. */
    public ImplementingLevel implementing() {
        return implementingLevels.isEmpty() ? null : implementingLevels.get(0);
    }

    /** The first implementing level's id (tinh, xa, huyen), or null. */
    public String implementingLevel() {
        return implementingLevels.isEmpty() ? null : implementingLevels.get(0).id();
    }

    /** Every implementing level's label, joined: "Cấp tỉnh, Cấp xã"; null when none. */
    public String implementingLevelLabel() {
        return implementingLevels.isEmpty() ? null
                : String.join(", ", implementingLevels.stream().map(ImplementingLevel::label).toList());
    }

    /** The performing agencies, joined; null when none. */
    public String agency() {
        return agencies.performing().isEmpty() ? null : String.join(", ", agencies.performing());
    }

    /** The channel citizens most often use: the direct one, else the first listed; null when none. */
    public ProcedureChannel mainChannel() {
        return channels.stream().filter(c -> c.channel() == ChannelType.DIRECT).findFirst()
                .orElse(channels.isEmpty() ? null : channels.get(0));
    }

    /** Thời hạn giải quyết of the direct channel, else of the first channel that states one. */
    public String processingTime() {
        ProcedureChannel main = mainChannel();
        if (main != null && main.processingTime() != null) {
            return main.processingTime();
        }
        return channels.stream().map(ProcedureChannel::processingTime).filter(t -> t != null).findFirst().orElse(null);
    }

    /** Phí, lệ phí of the direct channel, else of the first channel that states one. */
    public String fees() {
        ProcedureChannel main = mainChannel();
        if (main != null && main.fee() != null) {
            return main.fee();
        }
        return channels.stream().map(ProcedureChannel::fee).filter(t -> t != null).findFirst().orElse(null);
    }

    /** Kết quả thực hiện, joined with "; " when there are several; null when none. */
    public String result() {
        return results.isEmpty() ? null : String.join("; ", results);
    }

    /** The channel of a type, or null. */
    public ProcedureChannel channel(String type) {
        return channels.stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }

    /** Whether any dossier case has a name (templates then head each case). */
    public boolean dossierHasCases() {
        return dossier.stream().anyMatch(c -> c.name() != null);
    }

    /** The number of papers over all cases. */
    public int paperCount() {
        return dossier.stream().mapToInt(c -> c.papers().size()).sum();
    }

    /**
     * schema.org GovernmentService as JSON-LD, safe to print inside a {@code <script>} element
     * ({@link Json} escapes '<', '>' and '&').
     */
    public String jsonLd() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", "GovernmentService");
        m.put("name", title());
        m.put("identifier", code);
        if (meta().url() != null) {
            m.put("url", absoluteUrl());
        }
        if (summary() != null) {
            m.put("description", summary());
        }
        if (field != null) {
            m.put("serviceType", field);
        }
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("@type", "GovernmentOrganization");
        provider.put("name", agency() != null ? agency() : site().name());
        m.put("provider", provider);
        Map<String, Object> operator = new LinkedHashMap<>();
        operator.put("@type", "GovernmentOrganization");
        operator.put("name", site().name());
        m.put("serviceOperator", operator);
        if (!targetGroups.isEmpty()) {
            Map<String, Object> audience = new LinkedHashMap<>();
            audience.put("@type", "Audience");
            audience.put("audienceType", String.join(", ", targetGroups));
            m.put("audience", audience);
        }
        List<Object> available = new ArrayList<>();
        for (ProcedureChannel c : channels) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("@type", "ServiceChannel");
            ch.put("name", c.typeLabel());
            List<String> text = new ArrayList<>();
            if (c.processingTime() != null) {
                text.add("Thời hạn giải quyết: " + c.processingTime());
            }
            if (c.fee() != null) {
                text.add("Phí, lệ phí: " + c.fee());
            }
            if (c.description() != null) {
                text.add(c.description());
            }
            if (!text.isEmpty()) {
                ch.put("description", String.join(". ", text));
            }
            if (c.channel() == ChannelType.ONLINE && onlineUrl != null) {
                ch.put("serviceUrl", onlineUrl);
            }
            if (c.channel() == ChannelType.DIRECT && receptionAddress != null) {
                Map<String, Object> place = new LinkedHashMap<>();
                place.put("@type", "Place");
                place.put("address", receptionAddress);
                ch.put("serviceLocation", place);
            }
            available.add(ch);
        }
        if (available.isEmpty() && onlineUrl != null) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("@type", "ServiceChannel");
            ch.put("name", ChannelType.ONLINE.label());
            ch.put("serviceUrl", onlineUrl);
            available.add(ch);
        }
        if (!available.isEmpty()) {
            m.put("availableChannel", available.size() == 1 ? available.get(0) : available);
        }
        if (result() != null) {
            m.put("serviceOutput", result());
        }
        return Json.write(m);
    }
}
