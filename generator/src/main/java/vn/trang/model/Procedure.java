package vn.trang.model;

/** An administrative procedure (thủ tục hành chính). The basic fields of DESIGN.md §4. */
public record Procedure(ItemMeta meta, String code, String field, ServiceLevel serviceLevel,
                        ImplementingLevel implementing, String agency, String processingTime,
                        String fees, String result, String onlineUrl) implements Item {

    /** The level id (toan-trinh, mot-phan, muc-1 … muc-4) for templates. */
    public String level() {
        return serviceLevel.id();
    }

    public String levelLabel() {
        return serviceLevel.label();
    }

    public String implementingLevel() {
        return implementing == null ? null : implementing.id();
    }

    public String implementingLevelLabel() {
        return implementing == null ? null : implementing.label();
    }
}
