package vn.trang.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import vn.trang.diag.Diagnostics;
import vn.trang.model.Site;
import vn.trang.parse.FrontMatter;
import vn.trang.parse.FrontMatterSplitter;
import vn.trang.text.SourceText;
import vn.trang.yaml.YamlMap;

/**
 * Whether the browser editor opens every content file of a built project: each file's front
 * matter against the fields of its collection in the config.yml the build wrote for its site.
 */
public final class EditorOpens {

    /** @param files how many files were checked */
    public record Report(int files, List<String> problems) {
    }

    private EditorOpens() {
    }

    public static Report check(Path root, Path out, List<Site> sites) throws IOException {
        int files = 0;
        List<String> problems = new ArrayList<>();
        for (Site site : sites) {
            Map<String, Object> config = EditorConfigs.read(out, site.path().substring(1));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> collections = (List<Map<String, Object>>) config.get("collections");
            for (Map<String, Object> c : collections) {
                Path folder = root.resolve(String.valueOf(c.get("folder")));
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                List<Path> md;
                try (Stream<Path> s = Files.walk(folder)) {
                    md = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
                }
                for (Path p : md) {
                    files++;
                    String shown = root.relativize(p).toString();
                    Diagnostics d = new Diagnostics();
                    FrontMatter fm = FrontMatterSplitter.split(SourceText.normalise(Files.readString(p)), shown, d).orElse(null);
                    YamlMap y = fm == null ? null : YamlMap.parse(fm.yaml(), shown, 1, d).orElse(null);
                    if (y == null) {
                        problems.add(shown + ": " + d.list());
                        continue;
                    }
                    WidgetShapes.Result r = WidgetShapes.check(EditorConfigs.fields(c), y.node(), fm.yaml());
                    r.findings().forEach(f -> problems.add(shown + ":" + (f.line() + 2) + ": " + f.key() + ": " + f.problem()));
                    r.unfixable().forEach(f -> problems.add(shown + ":" + (f.line() + 2) + ": " + f.key() + ": " + f.problem()));
                }
            }
        }
        return new Report(files, problems);
    }
}
