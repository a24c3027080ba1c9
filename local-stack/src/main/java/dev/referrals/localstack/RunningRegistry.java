package dev.referrals.localstack;

/**
 * The schema registry of the stack, as the rest of the stack needs it: its URL, a way to stop it, and for fault tests
 * a way to stop it for a while and start it again.
 */
public interface RunningRegistry extends AutoCloseable {

    /** The base URL clients put in {@code schema.registry.url}, for example {@code http://localhost:8081}. */
    String url();

    /** Stops answering, as a registry that went down would; {@link #start()} brings it back on the same URL. */
    void stop();

    /** Starts again on the same URL, with the schemas it had: they live in its topic, not in the server. */
    void start();

    @Override
    void close();
}
