package vn.trang.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The product is only the product: the benchmark corpus, the search evaluation and the load
 * drivers live in the tools module (tools/), which depends on the generator and never the other
 * way. ProductJarIT checks the packaged jar itself against the tools module's classes.
 */
class NoToolsInProductTest {

    /** The tools module's packages. */
    static final String[] TOOL_PACKAGES = {"vn.trang.bench..", "vn.trang.search.eval..", "vn.trang.tools.."};

    private static final JavaClasses PRODUCT = ProductClasses.load();

    @Test
    void noProductClassInAToolPackage() {
        noClasses().should().resideInAnyPackage(TOOL_PACKAGES).check(PRODUCT);
    }
}
