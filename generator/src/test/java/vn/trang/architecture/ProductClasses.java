package vn.trang.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

import vn.trang.pipeline.Builder;

/**
 * The product's classes: those in the folder (or jar) that holds the main classes, wherever the
 * build puts it. ArchUnit's own "no tests" option recognises only Maven's default
 * target/test-classes, so a build with another output folder would count test classes too.
 */
final class ProductClasses {

    private ProductClasses() {
    }

    static JavaClasses load() {
        String main = Builder.class.getProtectionDomain().getCodeSource().getLocation().toString();
        ImportOption mainOnly = (Location location) -> location.asURI().toString().startsWith(main)
                || location.asURI().toString().startsWith("jar:" + main);
        JavaClasses classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("vn.trang");
        if (!classes.contain(Builder.class) || classes.contain(ProductClasses.class)) {
            throw new AssertionError("the product's classes were not told apart from the tests' (" + main + ")");
        }
        return classes;
    }
}
