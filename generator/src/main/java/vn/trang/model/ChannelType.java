package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Cách thức thực hiện: the ways a dossier can be submitted, as the national portal lists them. */
public enum ChannelType {
    DIRECT("truc-tiep", "Trực tiếp"),
    ONLINE("truc-tuyen", "Trực tuyến"),
    POST("buu-chinh", "Dịch vụ bưu chính");

    private final String id;
    private final String label;

    ChannelType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ChannelType> parse(String s) {
        return Arrays.stream(values()).filter(c -> c.id.equals(s)).findFirst();
    }

    /** "truc-tiep, truc-tuyen, buu-chinh", for diagnostics. */
    public static String ids() {
        return Arrays.stream(values()).map(ChannelType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
