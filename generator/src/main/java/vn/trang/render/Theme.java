package vn.trang.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import vn.trang.load.InputFiles;
import vn.trang.model.Site;

/**
 * A theme folder ({@code themes/<name>/}) and the per-site overrides in
 * {@code themes/overrides/<site-id>/}: templates, static files and UI strings.
 *
 * <p>One Freemarker configuration per distinct template path, shared by all pages of the sites
 * using it: configurations cache parsed templates and are thread-safe.
 */
public final class Theme {

    private final Path dir;
    private final Path overridesDir;
    private final Map<String, Configuration> configurations = new ConcurrentHashMap<>();
    private final Map<String, Messages> messages = new ConcurrentHashMap<>();
    /**
     * Per site: whether it overrides templates, static files (asked for every page; a Theme lives
     * for one build, or one published snapshot, so the folders do not change under it).
     */
    private final Map<String, Boolean> ownTemplates = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ownStatic = new ConcurrentHashMap<>();
    /** How every template of the theme sees Java values: views by their fields ({@link ViewWrapper}). */
    private final ViewWrapper wrapper = new ViewWrapper();

    public Theme(Path themesRoot, String name) {
        this.dir = themesRoot.resolve(name);
        this.overridesDir = themesRoot.resolve("overrides");
    }

    public Path dir() {
        return dir;
    }

    public boolean exists() {
        return Files.isDirectory(dir.resolve("templates"));
    }

    /**
     * The symbolic links among the theme's files and the overrides of {@code sites}, the folders
     * themselves included. A build refuses them: a template, string or static file read through
     * one could be any file of the build machine.
     */
    public List<Path> links(List<Site> sites) throws IOException {
        Path themes = dir.getParent();
        if (InputFiles.isLink(themes)) {
            return List.of(themes);
        }
        List<Path> out = new ArrayList<>(InputFiles.links(dir));
        if (InputFiles.isLink(overridesDir)) {
            out.add(overridesDir);
            return out;
        }
        for (Site s : sites) {
            out.addAll(InputFiles.links(overrideDir(s)));
        }
        return out;
    }

    /** The site's override folder, whether or not it exists. */
    public Path overrideDir(Site site) {
        return overridesDir.resolve(site.id());
    }

    /** Static folders to copy for a site, base first (later ones win). */
    public List<Path> staticDirs(Site site) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(dir.resolve("static"));
        Path own = overrideDir(site).resolve("static");
        if (Files.isDirectory(own)) {
            dirs.add(own);
        }
        return dirs;
    }

    /** Where a site's static files are published: shared, unless the site overrides some. */
    public String assetsUrl(Site site) {
        boolean own = ownStatic.computeIfAbsent(site.id(), id -> Files.isDirectory(overrideDir(site).resolve("static")));
        return own ? "/_assets/sites/" + site.id() + "/" : "/_assets/";
    }

    public Configuration configuration(Site site) {
        Path own = overrideDir(site).resolve("templates");
        String key = ownTemplates.computeIfAbsent(site.id(), id -> Files.isDirectory(own)) ? site.id() : "";
        return configurations.computeIfAbsent(key, k -> create(k.isEmpty() ? null : own));
    }

    /**
     * The file a site's pages read a template from: its override when the site has one, else the
     * theme's. For diagnostics: Freemarker names a template by its name alone.
     */
    public Path templateFile(Site site, String name) {
        Path own = overrideDir(site).resolve("templates").resolve(name);
        return Files.isRegularFile(own) ? own : dir.resolve("templates").resolve(name);
    }

    public Messages messages(String language) {
        return messages.computeIfAbsent(language, lang -> {
            try {
                return Messages.load(dir.resolve("i18n"), lang);
            } catch (IOException e) {
                throw new IllegalStateException("không đọc được chuỗi giao diện " + dir.resolve("i18n") + ": " + e.getMessage(), e);
            }
        });
    }

    private Configuration create(Path overrideTemplates) {
        try {
            Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
            List<TemplateLoader> loaders = new ArrayList<>();
            if (overrideTemplates != null) {
                loaders.add(new FileTemplateLoader(overrideTemplates.toFile()));
            }
            loaders.add(new FileTemplateLoader(dir.resolve("templates").toFile()));
            cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
            cfg.setDefaultEncoding("UTF-8");
            // A Theme serves one build (or one published snapshot): templates are read once, not
            // checked for changes every few seconds while pages are rendered.
            cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
            cfg.setOutputEncoding("UTF-8");
            cfg.setLocale(Locale.forLanguageTag("vi-VN"));
            cfg.setNumberFormat("computer");
            cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            cfg.setLogTemplateExceptions(false);
            cfg.setWrapUncheckedExceptions(true);
            cfg.setFallbackOnNullLoopVariable(false);
            // Templates are code, but nothing in them should reach into the JVM.
            cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
            cfg.setAPIBuiltinEnabled(false);
            cfg.setObjectWrapper(wrapper);
            return cfg;
        } catch (IOException e) {
            throw new IllegalStateException("không mở được thư mục giao diện: " + e.getMessage(), e);
        }
    }
}
