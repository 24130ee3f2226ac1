package vn.trang.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import vn.trang.load.InputFiles;

/** UI strings of one language, read from a theme's {@code i18n/messages_<lang>.properties} (UTF-8). */
public final class Messages {

    private final Map<String, String> strings;

    private Messages(Map<String, String> strings) {
        this.strings = Collections.unmodifiableMap(strings);
    }

    /** Loads the language's bundle over the Vietnamese one, so a missing key falls back to vi. */
    public static Messages load(Path i18nDir, String language) throws IOException {
        Map<String, String> map = new HashMap<>(read(i18nDir.resolve("messages_vi.properties")));
        if (!"vi".equals(language)) {
            map.putAll(read(i18nDir.resolve("messages_" + language + ".properties")));
        }
        return new Messages(map);
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        if (InputFiles.isRegularFile(file)) {
            try (Reader r = new BufferedReader(new InputStreamReader(InputFiles.open(file),
                    StandardCharsets.UTF_8.newDecoder()))) {
                p.load(r);
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k));
        }
        return out;
    }

    /** The string for a key, or the fallback when the theme lacks it. */
    public String get(String key, String fallback) {
        return strings.getOrDefault(key, fallback);
    }

    /** The map handed to templates as {@code t}. */
    public Map<String, String> asMap() {
        return strings;
    }
}
