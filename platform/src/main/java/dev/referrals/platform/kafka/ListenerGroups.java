package dev.referrals.platform.kafka;

import dev.referrals.schemas.TopicNamespace;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The one way a listener gets its consumer group: its {@code @KafkaListener(id = ...)}, under the topic prefix
 * ({@link TopicNamespace#group}). A listener declares only its id; production has no prefix, so its groups are the
 * ids themselves, and two deployments or two test contexts that share a cluster under different prefixes never join
 * each other's groups (a shared group rebalances on every start and stop of the other, and stalls both).
 */
final class ListenerGroups {

    private ListenerGroups() {
    }

    /**
     * Sets the group of a {@code @KafkaListener} container to its id under the prefix. A container built without an
     * endpoint id (no group declared) keeps the consumer factory's group.
     *
     * @throws IllegalStateException if the listener declares a group other than its id
     */
    static void name(MessageListenerContainer container, TopicNamespace namespace) {
        String declared = container.getContainerProperties().getGroupId();
        if (declared == null) {
            return;
        }
        String listenerId = container.getListenerId();
        if (!declared.equals(listenerId)) {
            throw new IllegalStateException("Listener " + listenerId + " names the group " + declared
                    + ": a listener's group is its id under the topic prefix, so drop its groupId");
        }
        container.getContainerProperties().setGroupId(namespace.group(listenerId));
    }
}
