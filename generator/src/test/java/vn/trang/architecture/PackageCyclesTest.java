package vn.trang.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The pipeline's packages depend on each other in one direction only, so each stage can be read
 * (and tested) with what it uses and never with what uses it. Every package is its own slice:
 * {@code parse} and {@code parse.schema} may not lean on each other either.
 */
class PackageCyclesTest {

    private static final JavaClasses PRODUCT = ProductClasses.load();

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("vn.trang.(**)").should().beFreeOfCycles().check(PRODUCT);
    }
}
