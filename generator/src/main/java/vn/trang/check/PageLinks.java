package vn.trang.check;

import vn.trang.cache.Digest;

/**
 * One page as the link check keeps it: the targets it links to and the ids it has, as sorted
 * numbers of {@link InternedStrings}, and the page's fingerprint (null: not recorded for the next
 * build).
 */
record PageLinks(Digest fp, int[] targets, int[] ids) {
}
