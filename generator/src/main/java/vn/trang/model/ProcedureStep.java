package vn.trang.model;

/**
 * One step of "Trình tự thực hiện".
 *
 * @param markdown the step as written
 * @param html     the step rendered and sanitised
 */
public record ProcedureStep(String markdown, String html) {
}
