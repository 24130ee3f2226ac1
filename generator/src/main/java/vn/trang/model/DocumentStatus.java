package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/** vbpl.vn's validity vocabulary (docs/DOMAIN.md#status). */
public enum DocumentStatus {
    IN_FORCE("con-hieu-luc", "Còn hiệu lực"),
    NOT_YET("chua-co-hieu-luc", "Chưa có hiệu lực"),
    PARTLY_ENDED("het-hieu-luc-mot-phan", "Hết hiệu lực một phần"),
    ENDED("het-hieu-luc-toan-bo", "Hết hiệu lực toàn bộ"),
    PARTLY_SUSPENDED("ngung-hieu-luc-mot-phan", "Ngưng hiệu lực một phần"),
    SUSPENDED("ngung-hieu-luc", "Ngưng hiệu lực"),
    OUTDATED("khong-con-phu-hop", "Không còn phù hợp"),
    UNKNOWN("chua-xac-dinh", "Chưa xác định");

    private final String id;
    private final String label;

    DocumentStatus(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** URL segment of the status facet page. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Whether a document with this status still has (at least partial) legal force. */
    public boolean inForce() {
        return this == IN_FORCE || this == PARTLY_ENDED || this == PARTLY_SUSPENDED;
    }

    public static Optional<DocumentStatus> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
