package vn.trang.search.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import vn.trang.index.OpenSearchDescription;
import vn.trang.index.SearchFields;
import vn.trang.search.SearchRequest;

/** Links of the results page: the same search with a filter, a page or an order changed. */
final class SearchUrls {

    private SearchUrls() {
    }

    /** The results-page URL of a request (parameters in a fixed order, defaults left out). */
    static String of(SearchRequest r) {
        StringBuilder sb = new StringBuilder(OpenSearchDescription.SEARCH_PATH);
        char sep = '?';
        if (!r.query().isBlank()) {
            sb.append(sep).append("q=").append(encode(r.query().strip()));
            sep = '&';
        }
        for (Map.Entry<String, String> f : r.filters().entrySet()) {
            sb.append(sep).append(f.getKey()).append('=').append(encode(f.getValue()));
            sep = '&';
        }
        if (r.sort() == SearchRequest.Order.DATE) {
            sb.append(sep).append("sort=date");
            sep = '&';
        }
        if (r.size() != SearchRequest.DEFAULT_SIZE) {
            sb.append(sep).append("size=").append(r.size());
            sep = '&';
        }
        if (r.page() > 1) {
            sb.append(sep).append("page=").append(r.page());
        }
        return sb.toString();
    }

    /** The same search over the whole province: every filter kept but the site. */
    static String wholeProvince(SearchRequest r) {
        return of(r.withFilter(SearchFields.SITE, null));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
