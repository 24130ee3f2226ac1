package vn.trang.load;

import java.util.List;

/** Everything the load stage found: the sites, their Markdown sources and their attachments. */
public record ContentSet(SiteRegistry registry, List<SourceFile> sources, List<Attachment> attachments) {
}
