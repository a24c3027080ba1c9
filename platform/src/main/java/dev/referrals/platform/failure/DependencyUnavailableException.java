package dev.referrals.platform.failure;

/**
 * A dependency of a service did not answer: the work may succeed unchanged once it is back. The platform recognises
 * an unreachable database, broker or schema registry by itself ({@link ListenerFailure#classify}); a service throws
 * this for a dependency of its own, such as the SMTP server, and its listeners then wait for it like for the others.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    /**
     * @param dependency the dependency's name in metrics and health, for example {@code smtp}
     * @param message    what could not be done
     * @param cause      the failure, kept in the chain
     */
    public DependencyUnavailableException(String dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
