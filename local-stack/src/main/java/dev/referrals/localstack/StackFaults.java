package dev.referrals.localstack;

import dev.referrals.localstack.kafka.RunningKafka;

/**
 * The faults a soak or a fault test makes happen to the stack under running services: a broker down and back. Each piece comes back where it was, on the same ports and with
 * its state, so the services' own configuration never changes; what they must survive is the outage itself.
 *
 * <p>Each method logs one INFO line. Stopping what is stopped, or starting what runs, does nothing but say so.
 */
public final class StackFaults {

    private final RunningKafka kafka;

    StackFaults(RunningKafka kafka) {
        this.kafka = kafka;
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
}
