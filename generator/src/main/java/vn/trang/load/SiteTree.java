package vn.trang.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.yaml.YamlMap;

/**
 * The rules between site files, once each was read: exactly one portal, whose host gives every
 * other site its absolute URL, and a tree of parents under it.
 */
final class SiteTree {

    private SiteTree() {
    }

    /**
     * Fills in absolute URLs, which need the portal's host.
     *
     * @param someUnknown a file could not be read or has no valid kind (already reported): it may
     *                    be the portal, so a missing portal is not reported again
     */
    static List<Site> resolveUrls(List<DeclaredSite> declared, String dirName, boolean someUnknown, Diagnostics d) {
        List<DeclaredSite> portals = declared.stream().filter(x -> x.site().kind() == SiteKind.PORTAL).toList();
        if (portals.isEmpty()) {
            if (someUnknown) {
                return List.of();
            }
            if (!declared.isEmpty()) {
                d.error(SourcePos.of(dirName), "không có trang nào là cổng thông tin (kind: portal)",
                        "đúng một tệp trong sites/ có kind: portal", "thêm sites/tinh.yml với kind: portal và path: /");
            } else {
                d.error(SourcePos.of(dirName), "thư mục sites/ chưa khai báo trang nào",
                        "mỗi trang một tệp <mã-trang>.yml", "tạo sites/tinh.yml với kind: portal");
            }
            return List.of();
        }
        for (DeclaredSite extra : portals.subList(1, portals.size())) {
            d.error(extra.yaml().valuePos("kind"), "có nhiều hơn một cổng thông tin (đã có "
                            + portals.get(0).site().sourceFile() + ")", "đúng một trang có kind: portal",
                    "đổi kind của trang này, ví dụ kind: department");
        }
        DeclaredSite portal = portals.get(0);
        String portalHost = portal.site().host();
        if (portalHost == null) {
            d.error(portal.yaml().pos(), "cổng thông tin cần tên miền để tạo sitemap và RSS",
                    "khóa host với tên miền của cổng", "thêm dòng: host: bacninh.gov.vn");
            portalHost = "localhost";
        }
        List<Site> out = new ArrayList<>();
        for (DeclaredSite x : declared) {
            Site s = x.site();
            String path = s.path() == null ? "/" + s.id() + "/" : s.path();
            String absolute = "https://" + (s.host() != null ? s.host() : portalHost) + path;
            out.add(new Site(s.id(), s.name(), s.shortName(), s.kind(), s.parentId(), path, s.host(), absolute,
                    s.owner(), s.description(), s.notice(), s.address(), s.phone(), s.fax(), s.email(), s.leaders(),
                    s.editors(), s.theme(), s.sourceFile(), s.source(), s.access(), s.reviewers(), s.nameEn()));
        }
        return out;
    }

    /**
     * The sites form one tree under the portal: one portal at '/', every other site with an
     * existing parent other than itself, no two sites at one path, no loop of parents.
     *
     * @param unreadable ids of site files already reported as unreadable (not missing parents)
     */
    static void validateTree(List<DeclaredSite> declared, Set<String> unreadable, Diagnostics d) {
        Map<String, DeclaredSite> byId = new HashMap<>();
        for (DeclaredSite x : declared) {
            byId.put(x.site().id(), x);
        }
        Map<String, String> pathOwner = new HashMap<>();
        for (DeclaredSite x : declared) {
            Site s = x.site();
            YamlMap y = x.yaml();
            if (s.kind() == SiteKind.PORTAL) {
                if (s.parentId() != null) {
                    d.error(y.posOf("parent"), "cổng thông tin không có trang cha", "không có khóa parent",
                            "xóa dòng parent");
                }
                if (s.path() != null && !s.path().equals("/")) {
                    d.error(y.valuePos("path"), "cổng thông tin phải ở đường dẫn gốc", "path: /", "viết path: /");
                }
            } else if (s.kind() != null) {
                if (s.parentId() == null) {
                    d.error(y.pos(), "thiếu khóa bắt buộc 'parent'", "mã của trang cấp trên, ví dụ tinh",
                            "thêm dòng: parent: tinh");
                } else if (!byId.containsKey(s.parentId()) && !unreadable.contains(s.parentId())) {
                    d.error(y.valuePos("parent"), "trang cha '" + s.parentId() + "' không tồn tại",
                            "mã một trang có tệp trong sites/: " + String.join(", ", byId.keySet().stream().sorted().toList()),
                            "sửa parent hoặc tạo sites/" + s.parentId() + ".yml");
                } else if (s.parentId().equals(s.id())) {
                    d.error(y.valuePos("parent"), "trang không thể là trang cha của chính nó", "mã một trang khác",
                            "ví dụ: parent: tinh");
                }
                if ("/".equals(s.path())) {
                    d.error(y.valuePos("path"), "chỉ cổng thông tin được dùng đường dẫn gốc '/'",
                            "đường dẫn riêng của đơn vị", "ví dụ: path: /" + s.id() + "/");
                }
            }
            // '/' belongs to the portal; the rules above already report any other claim to it.
            if (s.path() != null && !s.path().equals("/")) {
                String owner = pathOwner.putIfAbsent(s.path(), s.id());
                if (owner != null) {
                    d.error(y.valuePos("path"), "đường dẫn '" + s.path() + "' đã được trang '" + owner + "' dùng",
                            "mỗi trang một đường dẫn riêng", "ví dụ: path: /" + s.id() + "/");
                }
            }
        }
        // Cycles: follow parents from each site; a revisit means a loop.
        Set<String> reported = new HashSet<>();
        for (DeclaredSite x : declared) {
            Set<String> seen = new HashSet<>();
            String cur = x.site().id();
            List<String> chain = new ArrayList<>();
            while (cur != null && byId.containsKey(cur)) {
                if (!seen.add(cur)) {
                    List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(cur), chain.size()));
                    String key = String.join(",", loop.stream().sorted().toList());
                    if (reported.add(key)) {
                        loop.add(cur);
                        d.error(byId.get(cur).yaml().valuePos("parent"),
                                "vòng lặp trang cha: " + String.join(" → ", loop),
                                "các trang xếp thành cây, gốc là cổng thông tin",
                                "sửa parent của một trang trong vòng lặp, ví dụ parent: tinh");
                    }
                    break;
                }
                chain.add(cur);
                String p = byId.get(cur).site().parentId();
                if (p != null && p.equals(cur)) {
                    break;
                }
                cur = p;
            }
        }
    }
}
