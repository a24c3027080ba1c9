package dev.referrals.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one test stack of this JVM, shared by the JUnit extension and the Spring initializer.
 *
 * <p>Each user acquires it and releases it when done; the last release stops it. The count matters because Spring
 * keeps test contexts open until the JVM exits, after JUnit has finished: stopping the broker under their Kafka
 * consumers would make each of them wait out its close timeout.
 */
public final class SharedLocalStack {

    private static final Logger log = LoggerFactory.getLogger(SharedLocalStack.class);

    private static LocalStack stack;
    private static int users;
    /** A stack that failed to start fails every later test the same way, instead of costing each one a retry. */
    private static LocalStackStartupException startFailure;

    private SharedLocalStack() {
    }

    /** The running test stack, started with {@link LocalStackSettings#forTests()} on first use. */
    public static synchronized LocalStack acquire() {
        if (startFailure != null) {
            throw new LocalStackStartupException(startFailure.getMessage(), startFailure);
        }
        if (stack == null) {
            try {
                stack = LocalStack.start(LocalStackSettings.forTests());
            } catch (RuntimeException e) {
                startFailure = e instanceof LocalStackStartupException startup ? startup
                        : new LocalStackStartupException(String.valueOf(e.getMessage()), e);
                throw e;
            }
        }
        users++;
        return stack;
    }

    /** Gives back one {@link #acquire()}; the last one stops the stack. */
    public static synchronized void release() {
        if (users == 0) {
            log.warn("Shared local stack released more often than acquired");
            return;
        }
        users--;
        if (users == 0) {
            stack.close();
            stack = null;
        }
    }
}
