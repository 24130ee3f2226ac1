package vn.trang.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (or its {@code @BeforeAll}) the {@link Browser} of the run:
 * {@code @ExtendWith(SharedBrowser.class)} on the class, a {@code Browser} parameter on the method.
 * The browser is kept in the store of JUnit's launcher session, not the root context's: Surefire
 * runs the classes of a test JVM one execution each (with more than one fork) in one session, so
 * every test class of the JVM shares one Chromium, and JUnit quits it when the session closes.
 */
final class SharedBrowser implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Browser(context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE));
    }
}
