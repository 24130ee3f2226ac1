package vn.trang.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.trang.diag.SourcePos;

/**
 * Where each front-matter key of an item is written, so stages after parsing (link, check) can
 * still point editors at the exact line.
 *
 * <p>Packed (memory: one object per key of every item was ~1 M objects at 100,000 pages): {@code keys} is the key names joined by newlines, one shared string per distinct key
 * list; {@code at} is {@code line:column} per key, comma-separated, in the same order.
 */
public record SourcePositions(SourcePos file, String keys, String at) {

    /**
     * One string per distinct key list. A static intern table, and safe: it maps a string to an
     * equal string, so what it returns never depends on what was put in before; it holds key
     * names (a few dozen lists), not build data.
     */
    private static final Map<String, String> KEY_LISTS = new ConcurrentHashMap<>();

    /** Packs {@code keys} (key → position, in the map's order). */
    public static SourcePositions of(SourcePos file, Map<String, SourcePos> keys) {
        StringBuilder names = new StringBuilder();
        StringBuilder at = new StringBuilder();
        for (Map.Entry<String, SourcePos> e : keys.entrySet()) {
            if (e.getKey().indexOf('\n') >= 0) {
                continue; // not a front-matter key anyone looks up
            }
            if (names.length() > 0) {
                names.append('\n');
                at.append(',');
            }
            names.append(e.getKey());
            at.append(e.getValue().line()).append(':').append(e.getValue().column());
        }
        String n = names.toString();
        return new SourcePositions(file, KEY_LISTS.computeIfAbsent(n, x -> x), at.toString());
    }

    /** The key's position, or the file's when the key is absent. */
    public SourcePos of(String key) {
        int index = 0;
        int from = 0;
        while (from <= keys.length() && !keys.isEmpty()) {
            int end = keys.indexOf('\n', from);
            if (end < 0) {
                end = keys.length();
            }
            if (end - from == key.length() && keys.startsWith(key, from)) {
                return position(index);
            }
            index++;
            from = end + 1;
        }
        return file;
    }

    private SourcePos position(int index) {
        int from = 0;
        for (int i = 0; i < index; i++) {
            from = at.indexOf(',', from) + 1;
        }
        int end = at.indexOf(',', from);
        String pair = at.substring(from, end < 0 ? at.length() : end);
        int colon = pair.indexOf(':');
        return new SourcePos(file.file(), Integer.parseInt(pair.substring(0, colon)),
                Integer.parseInt(pair.substring(colon + 1)));
    }
}
