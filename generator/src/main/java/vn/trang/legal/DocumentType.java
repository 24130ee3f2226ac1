package vn.trang.legal;

/**
 * One kind of document and how a number/symbol abbreviates it.
 *
 * @param abbreviation the abbreviation as NĐ 30/2020 Phụ lục III writes it ("QĐ", "QyĐ", "TTr");
 *                     null for the kinds whose numbers carry no type: Luật (the symbol is the
 *                     National Assembly, "QH13") and Công văn (the symbol is agency + unit)
 * @param name         the Vietnamese type name as sites show it ("Quyết định")
 */
public record DocumentType(String abbreviation, String name) {
}
