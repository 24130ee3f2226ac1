package vn.trang.load;

import vn.trang.model.Site;
import vn.trang.yaml.YamlMap;

/** A site as its file declares it, before the portal's host is known; its YAML gives positions for errors. */
record DeclaredSite(Site site, YamlMap yaml) {
}
