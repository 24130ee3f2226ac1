package vn.trang.editor;

import vn.trang.legal.DocumentNumber;
import vn.trang.model.DocumentStatus;
import vn.trang.model.ServiceLevel;

/**
 * A select's value as its option writes it, for the spellings the parser accepts besides:
 * a service level's bare legacy number ("3" for muc-3), a status in other letter case, a
 * related document's number as typed ("12/2019/QD-UBND").
 */
final class SelectValues {

    private SelectValues() {
    }

    /** @return the option's spelling, or null when the parser has no other for this key */
    static String canonical(String key, String value) {
        return switch (key) {
            case "level" -> ServiceLevel.parse(value).map(ServiceLevel::id).orElse(null);
            case "status" -> DocumentStatus.byLabel(value).map(DocumentStatus::label).orElse(null);
            case "number" -> DocumentNumber.parse(value).map(DocumentNumber::normalized).orElse(null);
            default -> null;
        };
    }

    /**
     * Whether a file may keep a value its select does not offer: a legacy service level (muc-1 …
     * muc-4) records what the source declared, and the page says so; the editor offers only the
     * current levels, so its select shows none until someone chooses one on review.
     */
    static boolean keptOutsideOptions(String key, String value) {
        return key.equals("level") && ServiceLevel.parse(value).map(ServiceLevel::legacy).orElse(false);
    }
}
