package vn.trang.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads the target of a request line ({@code /tim-kiem?q=x}, or the absolute form
 * {@code http://host/tim-kiem?q=x}) into a {@link Request}, accepting what {@link URI} accepts.
 * A malformed target is refused with a sentence saying what is wrong, in Vietnamese and English,
 * never with an exception's name: a browser never sends one, so whoever did is shown how to fix it.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    /** A target the server refuses (400), with the plain text to answer. */
    static final class Malformed extends Exception {

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static Request parse(String target) throws Malformed {
        badEscape(target);
        URI uri;
        try {
            // Origin form: a path, never an authority, even when it starts with "//".
            uri = new URI(target.startsWith("/") ? "http://h" + target : target);
        } catch (URISyntaxException e) {
            int at = e.getIndex() < 0 ? -1 : target.startsWith("/") ? e.getIndex() - "http://h".length() : e.getIndex();
            throw new Malformed("400 Bad Request\n"
                    + "Địa chỉ yêu cầu không hợp lệ" + (at >= 0 ? ": ký tự " + shown(target, at, 1) + " ở vị trí " + at : "")
                    + ". Hãy mã hoá ký tự đó theo dạng %XX (ví dụ %20 cho dấu cách).\n"
                    + "The request target is not a valid URI (" + e.getReason()
                    + (at >= 0 ? " at index " + at : "") + "): percent-encode that character as %XX.\n");
        }
        String path = uri.getPath();
        if (path == null) {
            throw new Malformed("400 Bad Request\nĐịa chỉ yêu cầu không có đường dẫn.\nThe request target has no path.\n");
        }
        String rawPath = uri.getRawPath();
        return new Request(path.isEmpty() ? "/" : path, rawPath.isEmpty() ? "/" : rawPath, uri.getRawQuery());
    }

    /** Refuses a '%' that two hexadecimal digits do not follow, naming it. */
    private static void badEscape(String target) throws Malformed {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2))) {
                i += 2;
                continue;
            }
            String code = shown(target, i, 3);
            throw new Malformed("400 Bad Request\n"
                    + "Địa chỉ có mã phần trăm sai: " + code + " ở vị trí " + i
                    + ". Sau dấu % phải là hai chữ số thập lục phân (0-9, A-F), ví dụ %20 cho dấu cách;"
                    + " một dấu % đứng riêng phải viết là %25.\n"
                    + "Malformed percent-encoding " + code + " at index " + i
                    + ": a % must be followed by two hexadecimal digits (%20 is a space, %25 a literal %).\n");
        }
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Up to {@code n} characters of the target from {@code at}, quoted, anything unprintable as \\uXXXX. */
    private static String shown(String target, int at, int n) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = at; i < Math.min(target.length(), at + n); i++) {
            char c = target.charAt(i);
            if (c > 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }
}
