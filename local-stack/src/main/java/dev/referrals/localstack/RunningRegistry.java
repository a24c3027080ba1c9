package dev.referrals.localstack;

/** The schema registry of the stack, as the rest of the stack needs it: its URL, and a way to stop it. */
public interface RunningRegistry extends AutoCloseable {

    /** The base URL clients put in {@code schema.registry.url}, for example {@code http://localhost:8081}. */
    String url();

    @Override
    void close();
}
