package vn.trang.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings numbered from 0 in the order they are first seen (thread-safe): the link check keeps
 * each page's targets and ids as these numbers, so a menu linked from every page is one string.
 */
final class InternedStrings {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String s) {
        Integer i = ids.get(s);
        if (i != null) {
            return i;
        }
        synchronized (this) {
            i = ids.get(s);
            if (i == null) {
                i = names.size();
                names.add(s);
                ids.put(s, i);
            }
            return i;
        }
    }

    /** The number of a string, or -1; never adds. */
    int find(String s) {
        Integer i = ids.get(s);
        return i == null ? -1 : i;
    }

    synchronized void add(String s) {
        ids.putIfAbsent(s, names.size());
        names.add(s);
    }

    synchronized String name(int i) {
        return names.get(i);
    }

    synchronized int size() {
        return names.size();
    }

    /** Takes over another table (before anything was interned here). */
    synchronized void adopt(InternedStrings other) {
        ids.clear();
        names.clear();
        names.addAll(other.names);
        ids.putAll(other.ids);
    }
}
