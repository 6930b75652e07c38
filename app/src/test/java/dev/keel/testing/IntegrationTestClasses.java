package dev.keel.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * Which integration test classes ran in this JVM, and which exist: so a test that checks what the
 * others did ({@code DocumentedResponsesIntegrationTest}) can tell "run alone" (nothing to check)
 * from "the others ran and nothing was recorded" (a broken recorder), and knows when the whole
 * suite ran (then every operation must have been called).
 */
public final class IntegrationTestClasses implements BeforeAllCallback {

    private static final Set<String> RAN = new ConcurrentSkipListSet<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        RAN.add(context.getRequiredTestClass().getName());
    }

    /** The integration test classes that started in this JVM so far. */
    public static Set<String> ran() {
        return Set.copyOf(RAN);
    }

    /** Every concrete subclass of {@code base} under {@code dev.keel}, whether it runs in this JVM or not. */
    public static Set<String> all(Class<?> base) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete() && definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(base));
        return scanner.findCandidateComponents("dev.keel").stream()
                .map(definition -> definition.getBeanClassName())
                .filter(name -> !name.equals(base.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
