package vn.trang.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.model.Site;

/** The validated set of sites: exactly one portal, unique ids and paths, a tree of parents. */
public final class SiteRegistry {

    private final Map<String, Site> byId = new LinkedHashMap<>();
    private final Site portal;

    SiteRegistry(List<Site> sites, Site portal) {
        for (Site s : sites) {
            byId.put(s.id(), s);
        }
        this.portal = portal;
    }

    public Site portal() {
        return portal;
    }

    /** All sites: the portal first, then in id order. */
    public List<Site> sites() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public Optional<Site> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Site> parent(Site s) {
        return s.parentId() == null ? Optional.empty() : byId(s.parentId());
    }

    public List<Site> children(Site s) {
        return byId.values().stream().filter(c -> s.id().equals(c.parentId())).toList();
    }
}
