package vn.trang.architecture;

import java.net.URL;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import vn.trang.pipeline.Builder;

/**
 * The product's classes: those in the folder (or jar) that holds the main classes, wherever the
 * build puts it. ArchUnit's own "no tests" option recognises only Maven's default
 * target/test-classes, so a build with another output folder would count test classes too.
 */
final class ProductClasses {

    /** Imported once per test JVM: the architecture tests share it (an import takes seconds). */
    private static JavaClasses loaded;

    private ProductClasses() {
    }

    static synchronized JavaClasses load() {
        if (loaded == null) {
            loaded = importMain();
        }
        return loaded;
    }

    private static JavaClasses importMain() {
        // Only the main classes' folder (or jar) is read: scanning the class path for the package
        // would open every dependency's jar too.
        URL main = Builder.class.getProtectionDomain().getCodeSource().getLocation();
        JavaClasses classes = new ClassFileImporter().importUrl(main);
        if (!classes.contain(Builder.class) || classes.contain(ProductClasses.class)) {
            throw new AssertionError("the product's classes were not told apart from the tests' (" + main + ")");
        }
        return classes;
    }
}
