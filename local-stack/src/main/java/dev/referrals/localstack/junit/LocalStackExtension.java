package dev.referrals.localstack.junit;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.LocalStackSettings;
import dev.referrals.localstack.SharedLocalStack;
import dev.referrals.localstack.auth.LocalAuthorizationServer;
import dev.referrals.localstack.mail.MailSink;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the shared local stack once per test JVM and hands it to tests as parameters.
 *
 * <p>The stack is kept in the root store as an {@link AutoCloseable}, so JUnit gives it back when the whole run ends;
 * it stops then, unless a Spring test context still uses it (see {@link SharedLocalStack}). A class that asks for
 * another number of brokers ({@link LocalStackTest#kafkaBrokers()}) gets a stack of its own, kept in the class's
 * store instead, so it stops when the class ends.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);
    private static final String STACK_KEY = "stack";
    private static final String OWN_STACK_KEY = "own-stack";

    private static final Set<Class<?>> RESOLVED =
            Set.of(LocalStack.class, TopicNamespace.class, DatabaseCoordinates.class, MailSink.class,
                    LocalAuthorizationServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    /** A namespace or database parameter is a new one for each parameter, so tests never share records or rows. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = stack(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == TopicNamespace.class) {
            return stack.newTopicNamespace();
        }
        if (type == DatabaseCoordinates.class) {
            return stack.newDatabase();
        }
        if (type == MailSink.class) {
            return stack.mail();
        }
        if (type == LocalAuthorizationServer.class) {
            return stack.authorizationServer();
        }
        return stack;
    }

    /**
     * The stack of this JVM, acquired once per run and stored in the root context so that it lives as long; or the
     * test class's own, if it asks for a cluster.
     */
    public static LocalStack stack(ExtensionContext context) {
        int brokers = requestedBrokers(context);
        if (brokers != LocalStackTest.SHARED_STACK_BROKERS) {
            return classContext(context).getStore(NAMESPACE)
                    .computeIfAbsent(OWN_STACK_KEY, key -> new OwnStack(
                            LocalStack.start(LocalStackSettings.forTests().withKafkaBrokers(brokers))), OwnStack.class)
                    .stack();
        }
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(STACK_KEY, key -> new Lease(SharedLocalStack.acquire()), Lease.class)
                .stack();
    }

    private static int requestedBrokers(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, LocalStackTest.class))
                .map(LocalStackTest::kafkaBrokers)
                .orElse(LocalStackTest.SHARED_STACK_BROKERS);
    }

    /** The context of the test class, whose store JUnit closes when the class's last test has run. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** A class's own stack; JUnit closes it with the class's context, and no one else holds it. */
    private record OwnStack(LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }

    /** JUnit closes what it stores when the root context ends; closing the lease releases the shared stack. */
    private record Lease(LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            SharedLocalStack.release();
        }
    }
}
