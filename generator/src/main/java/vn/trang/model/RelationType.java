package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How one document relates to another, stored once on the document that states it and shown
 * both ways with vbpl.vn's labels. Labels name the role of the <em>other</em> document: on the
 * page of a document that replaces X, X is listed under "Văn bản bị thay thế"; on X's page the
 * replacing document is listed under "Văn bản thay thế".
 *
 * @param key          the front-matter key under {@code relations:}
 * @param outwardLabel label on the stating document's page, for the documents it names
 * @param inverseLabel label on the named document's page, for the stating document
 * @param effect       what the relation does to the named document's validity
 */
public enum RelationType {
    BASED_ON("can_cu", "Văn bản căn cứ", "Văn bản được căn cứ", Effect.NONE),
    GUIDES("huong_dan", "Văn bản được hướng dẫn", "Văn bản hướng dẫn", Effect.NONE),
    AMENDS("sua_doi", "Văn bản bị sửa đổi, bổ sung", "Văn bản sửa đổi, bổ sung", Effect.NONE),
    REPLACES("thay_the", "Văn bản bị thay thế", "Văn bản thay thế", Effect.ENDS),
    REPEALS("bai_bo", "Văn bản bị bãi bỏ", "Văn bản bãi bỏ", Effect.ENDS),
    CORRECTS("dinh_chinh", "Văn bản được đính chính", "Văn bản đính chính", Effect.NONE),
    SUSPENDS("dinh_chi", "Văn bản bị đình chỉ, ngưng hiệu lực", "Văn bản đình chỉ, ngưng hiệu lực", Effect.SUSPENDS),
    CONSOLIDATES("hop_nhat", "Văn bản được hợp nhất", "Văn bản hợp nhất", Effect.NONE),
    CITES("dan_chieu", "Văn bản được dẫn chiếu", "Văn bản dẫn chiếu", Effect.NONE),
    RELATED("lien_quan", "Văn bản liên quan", "Văn bản liên quan", Effect.NONE);

    /** What a relation from a document in force does to the document it names. */
    public enum Effect {
        NONE,
        /** Thay thế, bãi bỏ: the named document (or part of it) is no longer in force. */
        ENDS,
        /** Đình chỉ, ngưng hiệu lực. */
        SUSPENDS
    }

    private final String key;
    private final String outwardLabel;
    private final String inverseLabel;
    private final Effect effect;

    RelationType(String key, String outwardLabel, String inverseLabel, Effect effect) {
        this.key = key;
        this.outwardLabel = outwardLabel;
        this.inverseLabel = inverseLabel;
        this.effect = effect;
    }

    public String key() {
        return key;
    }

    public String outwardLabel() {
        return outwardLabel;
    }

    public String inverseLabel() {
        return inverseLabel;
    }

    public Effect effect() {
        return effect;
    }

    public static Optional<RelationType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
