package vn.trang.model;

import java.util.Map;

import vn.trang.diag.SourcePos;

/**
 * Where each front-matter key of an item is written, so stages after parsing (link, check) can
 * still point editors at the exact line.
 */
public record SourcePositions(SourcePos file, Map<String, SourcePos> keys) {

    public SourcePositions {
        keys = Map.copyOf(keys);
    }

    /** The key's position, or the file's when the key is absent. */
    public SourcePos of(String key) {
        return keys.getOrDefault(key, file);
    }
}
