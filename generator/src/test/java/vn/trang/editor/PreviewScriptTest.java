package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.pipeline.BuildResult;

/**
 * The preview pane's script, as a site's editor page loads it, run by node against Decap's
 * registration API: it registers a preview for every collection of the site's config.yml, and
 * what it sends for an entry (JSON front matter, empty fields left out) is a file the build
 * reads without a diagnostic.
 */
class PreviewScriptTest {

    /** Decap's globals as the script uses them; the entry as Decap's preview template receives it. */
    private static final String HARNESS = """
            const fs = require('fs');
            const [file, site, collections] = process.argv.slice(2);
            const registered = [];
            const sent = [];
            let component;
            global.window = {
              CMS: {
                registerPreviewTemplate: (name, c) => { registered.push(name); component = c; },
                registerPreviewStyle: () => {},
              },
              createClass: spec => spec,
              h: (type, props, ...children) => ({ type, props, children }),
            };
            global.document = { currentScript: { getAttribute: a =>
                ({ 'data-site': site, 'data-collections': collections })[a] } };
            global.fetch = (url, options) => {
              sent.push({ url, method: options.method, body: options.body });
              return Promise.resolve({ status: 200, text: () => Promise.resolve('<p>trang</p>') });
            };
            global.setTimeout = f => { f(); return 1; };
            global.clearTimeout = () => {};
            eval(fs.readFileSync(file, 'utf8'));
            const data = { title: 'Tin gửi từ trình soạn thảo', date: '2025-03-01 09:00', summary: 'Tóm tắt',
              category: '', slug: null, tags: [], attachments: [{ file: '', title: '' }],
              body: 'Thân bài **đậm**.\\n' };
            const entry = new Map([['data', { toJS: () => JSON.parse(JSON.stringify(data)) }],
              ['path', 'content/' + site + '/tin-tuc/tin-gui.md'], ['collection', 'tin-tuc']]);
            // createClass binds the methods to the instance: so does this
            const self = { props: { entry, collection: new Map([['name', 'tin-tuc']]) },
              setState(s) { Object.assign(this.state, s); } };
            for (const k of Object.keys(component)) self[k] = component[k].bind(self);
            self.state = self.getInitialState();
            self.componentDidMount();
            setImmediate(() => {
              const shown = self.render();
              process.stdout.write(JSON.stringify({ registered, sent, shown: shown.props.srcDoc, sandbox: shown.props.sandbox }));
            });
            """;

    @Test
    void everyCollectionGetsThePreviewAndWhatItSendsIsAFileTheBuildReads(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.standard(tmp).write(EditorFiles.INSTALLED + "decap-cms.js", "/* decap */");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        String page = Fixture.read(f.out().resolve(Fixture.DEPT + "/quan-tri/index.html"));
        String tag = page.substring(page.indexOf("<script src=\"" + EditorFiles.PREVIEW_SCRIPT_URL + "\""));
        tag = tag.substring(0, tag.indexOf("</script>"));
        assertTrue(page.indexOf(EditorFiles.SCRIPT_URL) < page.indexOf(EditorFiles.PREVIEW_SCRIPT_URL),
                "after Decap's script, which defines CMS");
        String site = attribute(tag, "data-site");
        String collections = attribute(tag, "data-collections");
        assertEquals(Fixture.DEPT, site);

        Path script = f.out().resolve(EditorFiles.PREVIEW_SCRIPT_URL.substring(1));
        Path harness = tmp.resolve("harness.js");
        Files.writeString(harness, HARNESS);
        Map<String, Object> result = MiniJson.object(node(harness, script, site, collections));

        List<String> configured = EditorConfigs.read(f.out(), Fixture.DEPT + "/").get("collections") instanceof List<?> l
                ? l.stream().map(c -> (String) ((Map<?, ?>) c).get("name")).toList() : List.of();
        assertEquals(configured, result.get("registered"), "a preview for every collection of config.yml");
        assertEquals("<p>trang</p>", result.get("shown"), "the pane shows what the endpoint answered");
        assertEquals("", result.get("sandbox"), "in a frame that runs no script");

        List<?> sent = (List<?>) result.get("sent");
        assertEquals(1, sent.size(), sent.toString());
        Map<?, ?> post = (Map<?, ?>) sent.get(0);
        assertEquals("POST", post.get("method"));
        assertEquals("/_trang/xem-truoc/" + Fixture.DEPT + "/tin-tuc/tin-gui.md", post.get("url"));
        String text = (String) post.get("body");
        f.write("content/" + Fixture.DEPT + "/tin-tuc/tin-gui.md", text);
        BuildResult again = f.build(tmp.resolve("public2"));
        assertTrue(again.ok(), () -> Diags.dump(again.diagnostics()) + "\n" + text);
        assertEquals(0, again.diagnostics().warningCount(), () -> Diags.dump(again.diagnostics()) + "\n" + text);
        String built = Fixture.read(tmp.resolve("public2/" + Fixture.DEPT + "/tin-tuc/tin-gui-tu-trinh-soan-thao/index.html"));
        assertTrue(built.contains("<strong>đậm</strong>"), built);
    }

    private static String attribute(String tag, String name) {
        int at = tag.indexOf(name + "=\"") + name.length() + 2;
        return tag.substring(at, tag.indexOf('"', at));
    }

    private static String node(Path harness, Path script, String site, String collections)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", harness.toString(), script.toString(), site, collections)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node ended");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
