package vn.trang.search;

/** Display names of facet values: site ids become site names, level ids their labels. */
@FunctionalInterface
public interface Labels {

    /** Values shown as they are. */
    Labels NONE = (dimension, value) -> value;

    String label(String dimension, String value);
}
