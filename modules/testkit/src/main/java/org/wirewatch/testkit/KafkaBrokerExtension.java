package org.wirewatch.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one broker per test class (shared with its {@code @Nested} classes), closes it after the class,
 * and injects its {@link KafkaBroker} handle into fields and parameters of that type.
 *
 * <p>The broker is chosen by {@value BrokerKind#PROPERTY}: {@code embedded} (default) or {@code testcontainers}.
 * A requested broker that cannot start fails the tests; nothing is skipped silently.
 * Usually applied through {@link WithKafka}; {@code @ExtendWith(KafkaBrokerExtension.class)} works too.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String KEY = "broker";

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        KafkaBroker broker = broker(context);
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : brokerFields(testClass)) {
            if (Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(null, broker);
            }
        }
        AnnotationSupport.findAnnotation(testClass, WithKafka.class).ifPresent(with -> {
            if (with.catalogue()) {
                broker.createCatalogueTopics();
            }
            broker.createTopics(with.topics());
        });
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        KafkaBroker broker = broker(context);
        for (Field field : brokerFields(testInstance.getClass())) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(testInstance, broker);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    /**
     * The broker of the outermost test class: the store of a class context is visible to its nested classes'
     * contexts and to every test inside, and closes its AutoCloseable values when the class is done.
     */
    private static KafkaBroker broker(ExtensionContext context) {
        ExtensionContext owner = classContext(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> start(owner), AbstractBroker.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        // Climb to the top-level class so that @Nested classes reuse their enclosing class's broker.
        while (current.getParent().isPresent()
                && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static AbstractBroker start(ExtensionContext owner) {
        BrokerKind kind;
        try {
            kind = BrokerKind.fromSystemProperty();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        String name = owner.getTestClass().map(Class::getSimpleName).orElse("tests");
        long started = System.nanoTime();
        AbstractBroker broker = switch (kind) {
            case EMBEDDED -> EmbeddedBroker.start(name);
            case TESTCONTAINERS -> ContainerBroker.start();
        };
        LOG.info("{} started for {} in {} ms", broker, name, (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    private static List<Field> brokerFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == KafkaBroker.class) {
                    if (Modifier.isFinal(field.getModifiers())) {
                        throw new ExtensionConfigurationException("KafkaBroker field " + field + " must not be final");
                    }
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
