package vn.trang.model;

/**
 * One row of "Cách thức thực hiện": a way to submit, with its own processing time, fee and
 * description (the national portal gives each channel its own values).
 *
 * @param processingTime thời hạn giải quyết as written ("20 ngày làm việc"), or null
 * @param fee            phí, lệ phí as written ("Miễn phí", "150.000 đồng/giấy phép"), or null
 * @param description    mô tả, or null
 */
public record ProcedureChannel(ChannelType channel, String processingTime, String fee, String description) {

    /** truc-tiep | truc-tuyen | buu-chinh. */
    public String type() {
        return channel.id();
    }

    public String typeLabel() {
        return channel.label();
    }
}
