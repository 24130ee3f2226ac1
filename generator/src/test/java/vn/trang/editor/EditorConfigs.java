package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import vn.trang.Fixture;

/** A built site's config.yml read back with the YAML reader on the class path, and its parts. */
final class EditorConfigs {

    private EditorConfigs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path out, String sitePath) {
        String text = Fixture.read(out.resolve(sitePath + "quan-tri/config.yml"));
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> collection(Map<String, Object> config, String name) {
        for (Object c : (List<Object>) config.get("collections")) {
            Map<String, Object> m = (Map<String, Object>) c;
            if (name.equals(m.get("name"))) {
                return m;
            }
        }
        throw new AssertionError("no collection " + name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fields(Map<String, Object> parent) {
        return (List<Map<String, Object>>) parent.get("fields");
    }

    static Map<String, Object> field(Map<String, Object> parent, String name) {
        Map<String, Object> f = fields(parent).stream().filter(m -> name.equals(m.get("name"))).findFirst().orElse(null);
        assertNotNull(f, () -> "no field " + name + " in " + parent.get("name"));
        return f;
    }

    @SuppressWarnings("unchecked")
    static List<String> optionValues(Map<String, Object> select) {
        return ((List<Map<String, Object>>) select.get("options")).stream().map(o -> (String) o.get("value")).toList();
    }
}
