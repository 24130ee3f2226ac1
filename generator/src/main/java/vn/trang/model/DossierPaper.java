package vn.trang.model;

/**
 * One paper (giấy tờ) of a dossier, with the quantity the national portal states as
 * "Bản chính: 1 - Bản sao: 0".
 *
 * @param form      the form template (mẫu đơn, tờ khai) published beside the page, or null
 * @param originals bản chính, or null when not stated
 * @param copies    bản sao, or null when not stated
 * @param note      a remark, e.g. the name of the portal's form template when its file is not here
 */
public record DossierPaper(String name, DocumentFile form, Integer originals, Integer copies, String note) {
}
