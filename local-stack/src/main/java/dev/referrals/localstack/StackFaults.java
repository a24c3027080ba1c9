package dev.referrals.localstack;

import dev.referrals.localstack.kafka.RunningKafka;
import dev.referrals.localstack.mail.MailSink;
import dev.referrals.localstack.postgres.Postgres;
import java.util.Optional;

/**
 * The faults a soak or a fault test makes happen to the stack under running services: a broker, the registry or the
 * mail server down and back, PostgreSQL restarted. Each piece comes back where it was, on the same ports and with
 * its state, so the services' own configuration never changes; what they must survive is the outage itself.
 *
 * <p>Each method logs one INFO line. Stopping what is stopped, or starting what runs, does nothing but say so.
 */
public final class StackFaults {

    private final RunningKafka kafka;
    private final Optional<RunningRegistry> registry;
    private final MailSink mail;
    private final Postgres postgres;

    StackFaults(RunningKafka kafka, Optional<RunningRegistry> registry, MailSink mail, Postgres postgres) {
        this.kafka = kafka;
        this.registry = registry;
        this.mail = mail;
        this.postgres = postgres;
    }

    /** How many brokers the stack's cluster has; node ids run from 1 to this. */
    public int kafkaBrokers() {
        return kafka.brokers();
    }

    /**
     * Shuts broker {@code nodeId} down cleanly; with three brokers the others keep taking {@code acks=all} writes.
     *
     * @throws UnsupportedOperationException on the Testcontainers backend
     */
    public void stopKafkaBroker(int nodeId) {
        kafka.stopBroker(nodeId);
    }

    /**
     * Starts broker {@code nodeId} again on its ports and log dir, and returns once it is back in the cluster and, if
     * every broker runs, no partition is under-replicated: from then on the next broker may be stopped.
     *
     * @throws UnsupportedOperationException on the Testcontainers backend
     */
    public void startKafkaBroker(int nodeId) {
        kafka.startBroker(nodeId);
    }

    /** Stops the schema registry: its URL refuses connections until {@link #startRegistry()}. */
    public void stopRegistry() {
        registry().stop();
    }

    /** Starts the schema registry again on the same URL, with every schema it had. */
    public void startRegistry() {
        registry().start();
    }

    /** Closes the mail sink's SMTP and IMAP ports; the mail it received stays readable through {@link MailSink}. */
    public void stopSmtp() {
        mail.stop();
    }

    /** Opens SMTP and IMAP again on the same ports, with every mailbox as it was. */
    public void startSmtp() {
        mail.startAgain();
    }

    /**
     * Restarts the embedded PostgreSQL on its port and data dir: open connections break, the data stays.
     *
     * @throws UnsupportedOperationException for an external database
     */
    public void restartPostgres() {
        postgres.restart();
    }

    private RunningRegistry registry() {
        return registry.orElseThrow(() -> new IllegalStateException("This stack runs no schema registry"));
    }
}
