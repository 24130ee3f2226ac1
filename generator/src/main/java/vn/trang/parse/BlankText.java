package vn.trang.parse;

import java.util.ArrayList;
import java.util.List;

import vn.trang.diag.SourcePos;
import vn.trang.model.Publication;
import vn.trang.yaml.Field;
import vn.trang.yaml.YamlMap;

/**
 * Reads the required prose every type shares (title, summary) when the key is written but left
 * empty ({@code title: ""}, {@code summary:} with nothing after it). Like an archetype's "TODO",
 * that means the editor has not finished: the parser records it and puts a visible placeholder in
 * the page, and the build decides (a preview warns and still shows the page, a build refuses it).
 * A key left out entirely is still the schema's error, as is an empty identifying key (a
 * document's number or issuer, a procedure's code): those make the URL and the links, so a page
 * built without them would not be the page a build publishes.
 */
final class BlankText {

    private final YamlMap y;
    private final List<Publication.Blank> found = new ArrayList<>();

    BlankText(YamlMap y) {
        this.y = y;
    }

    /**
     * The field's text: a placeholder when required and written empty (recorded), else what
     * {@link YamlMap#text(Field)} reads and reports.
     *
     * @param label what the key holds, in Vietnamese ("tiêu đề")
     */
    String read(Field f, String label) {
        String key = f.key();
        if (f.required() && y.keys().contains(key) && (!y.has(key) || "".equals(y.peek(key)))) {
            String shown = "[Chưa điền " + label + "]";
            SourcePos at = y.has(key) ? y.valuePos(key) : y.posOf(key);
            found.add(new Publication.Blank(at, key, label, shown, f.example()));
            return shown;
        }
        return y.text(f);
    }

    /** Whether {@code key} was read as written empty. */
    boolean isBlank(String key) {
        return found.stream().anyMatch(b -> b.key().equals(key));
    }

    List<Publication.Blank> found() {
        return found;
    }
}
