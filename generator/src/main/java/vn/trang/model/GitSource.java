package vn.trang.model;

/**
 * Where a site's content comes from when it is not this repository's {@code content/<id>/}: a Git
 * remote ({@code source:} in {@code sites/<id>.yml}), whose root holds the section folders
 * (tin-tuc/, van-ban/, thu-tuc/, trang/). It is cloned and fetched into the cache folder.
 *
 * @param url    https://, http://, file:// or a local path (SSH is not supported)
 * @param branch the branch built; "main" when not given
 */
public record GitSource(String url, String branch) {
}
