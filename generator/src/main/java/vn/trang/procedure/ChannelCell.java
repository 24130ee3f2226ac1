package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trang.model.ChannelType;

/**
 * "Cách thức thực hiện": the portal's table of channels run together, "Hình thức nộpThời
 * gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việcMiễn phí…", read back into one row per channel
 * (its time, fee and description). A cell that cannot be split with confidence throws
 * {@link Unconvertible}.
 */
final class ChannelCell {

    static final String HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả";

    private static final Pattern CHANNEL = Pattern.compile("(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\\d|Không)");
    private static final Pattern TIME = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút)");
    private static final Pattern UNITLESS_TIME = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final List<String> TIME_TEXTS = List.of("Không phải trả kết quả cho người nộp thuế",
            "Không phải trả kết quả cho người nộp", "Không quy định", "Không");
    private static final Pattern FEE = Pattern.compile(
            "Miễn phí|" + PortalText.NO_INFO + "|(\\d[\\d.,]*)\\s*(Việt Nam Đồng|VNĐ|Đồng|đồng|USD|EUR)|VNĐ|Việt Nam Đồng");

    record Channel(ChannelType type, String time, String fee, String description) {
    }

    private ChannelCell() {
    }

    static List<Channel> parse(String cell) {
        return parse(cell, null);
    }

    /**
     * @param warnings null to refuse a time without a unit; else such a time is left out of the
     *                 channel's time and kept, as written, at the start of its description, and a
     *                 line saying so is added here
     */
    static List<Channel> parse(String cell, List<String> warnings) {
        String s = PortalText.oneLine(cell);
        if (s.isEmpty() || s.equals(PortalText.NO_INFO)) {
            return List.of();
        }
        if (!s.startsWith(HEADER)) {
            throw new Unconvertible("cach-thuc", "cách thức thực hiện không có bảng quen thuộc: \"" + PortalText.abbreviate(s) + "\"");
        }
        String body = s.substring(HEADER.length()).strip();
        if (body.isEmpty()) {
            return List.of();
        }
        Matcher m = CHANNEL.matcher(body);
        List<int[]> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new int[] {m.start(), m.end()});
        }
        if (rows.isEmpty() || rows.get(0)[0] != 0) {
            throw new Unconvertible("cach-thuc", "cách thức thực hiện không tách được thành hàng: \"" + PortalText.abbreviate(body) + "\"");
        }
        List<Channel> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String name = body.substring(rows.get(r)[0], rows.get(r)[1]);
            String row = body.substring(rows.get(r)[1], r + 1 < rows.size() ? rows.get(r + 1)[0] : body.length());
            out.add(channelRow(name, row, warnings));
        }
        return out;
    }

    private static Channel channelRow(String name, String row, List<String> warnings) {
        ChannelType type = switch (name) {
            case "Trực tiếp" -> ChannelType.DIRECT;
            case "Trực tuyến" -> ChannelType.ONLINE;
            default -> ChannelType.POST;
        };
        String time = null;
        String unitless = null;
        String rest;
        Matcher t = TIME.matcher(row);
        if (row.startsWith(PortalText.NO_INFO)) {
            rest = row.substring(PortalText.NO_INFO.length());
        } else if (t.lookingAt()) {
            time = t.group(1) + " " + t.group(2).toLowerCase(Locale.forLanguageTag("vi"));
            rest = row.substring(t.end());
        } else {
            Matcher u = UNITLESS_TIME.matcher(row);
            String text = TIME_TEXTS.stream().filter(row::startsWith).findFirst().orElse(null);
            if (u.lookingAt() && warnings != null) {
                unitless = u.group();
                rest = row.substring(u.end());
                warnings.add("thời hạn giải quyết \"" + unitless + "\" (" + name.toLowerCase(Locale.forLanguageTag("vi"))
                        + ") không ghi đơn vị (ngày, ngày làm việc, giờ…); ghi nguyên văn vào mô tả cách thức");
            } else if (u.lookingAt()) {
                throw new Unconvertible("thoi-han", "thời hạn giải quyết \"" + u.group() + "\" không ghi đơn vị (ngày, ngày làm việc, giờ…)");
            } else if (text == null) {
                throw new Unconvertible("cach-thuc", "không đọc được thời hạn giải quyết: \"" + PortalText.abbreviate(row) + "\"");
            } else {
                time = text;
                rest = row.substring(text.length());
            }
        }
        rest = rest.strip();
        Matcher f = FEE.matcher(rest);
        if (!f.lookingAt()) {
            throw new Unconvertible("cach-thuc", "không đọc được phí, lệ phí: \"" + PortalText.abbreviate(rest) + "\"");
        }
        String fee;
        if (f.group().equals("Miễn phí")) {
            fee = "Miễn phí";
        } else if (f.group(1) != null) {
            fee = amount(f.group(1)) + " " + (f.group(2).equals("USD") || f.group(2).equals("EUR") ? f.group(2) : "đồng");
        } else {
            fee = null;
        }
        rest = rest.substring(f.end());
        if (rest.startsWith("(")) {
            int close = closing(rest);
            String inner = rest.substring(1, close < 0 ? rest.length() : close).strip();
            rest = close < 0 ? "" : rest.substring(close + 1);
            if (!inner.isEmpty() && !inner.equals(PortalText.NO_INFO)) {
                fee = fee == null ? inner : fee + " (" + inner + ")";
            }
        }
        String description = PortalText.orNull(rest);
        if (unitless != null) {
            String asWritten = "Thời hạn giải quyết ghi trên Cổng Dịch vụ công quốc gia: " + unitless + " (không ghi đơn vị).";
            description = description == null ? asWritten : asWritten + " " + description;
        }
        return new Channel(type, time, fee, description);
    }

    /** The index of the parenthesis closing the one at 0, or -1. */
    private static int closing(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "2,000,000" and "2000000" → "2.000.000", as Vietnamese writes amounts. */
    static String amount(String n) {
        if (n.matches("\\d{1,3}(,\\d{3})+")) {
            return n.replace(',', '.');
        }
        if (n.matches("\\d{4,}")) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = n.length() - 3; i > 0; i -= 3) {
                sb.insert(i, '.');
            }
            return sb.toString();
        }
        return n;
    }
}
