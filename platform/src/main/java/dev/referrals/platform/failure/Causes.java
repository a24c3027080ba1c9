package dev.referrals.platform.failure;

import java.util.Optional;
import java.util.function.Predicate;

/** Walks a failure's cause chain, outermost first, and stops at a cause that is its own cause. */
public final class Causes {

    private Causes() {
    }

    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return first(failure, test).isPresent();
    }

    public static Optional<Throwable> first(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /** The first cause of this type in the chain. */
    public static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
        return first(failure, type::isInstance).map(type::cast);
    }
}
