package dev.referrals.schemas;

import java.util.Objects;

/**
 * Places every catalogue topic under an optional prefix.
 *
 * <p>Production uses no prefix, so names are exactly those of the catalogue. Tests give each test its own prefix,
 * so that many tests share one broker and one registry without seeing each other's records. Subjects and dead-letter
 * topics follow the prefixed name, as TopicNameStrategy and Spring Kafka derive them from the topic. Consumer groups
 * are under the prefix too ({@link #group}), so that two deployments or two test contexts sharing a cluster never
 * join each other's groups.
 */
public record TopicNamespace(String prefix) {

    /** No prefix: the catalogue names as they are. */
    public static final TopicNamespace NONE = new TopicNamespace("");

    public TopicNamespace {
        Objects.requireNonNull(prefix, "prefix");
    }

    public static TopicNamespace of(String prefix) {
        return prefix == null || prefix.isEmpty() ? NONE : new TopicNamespace(prefix);
    }

    public String name(Topic<?, ?> topic) {
        return prefix + topic.name();
    }

    public String valueSubject(Topic<?, ?> topic) {
        return name(topic) + Topic.VALUE_SUBJECT_SUFFIX;
    }

    /** The consumer group of a listener: its id, under the prefix. */
    public String group(String listenerId) {
        return prefix + listenerId;
    }

    public String deadLetterTopic(Topic<?, ?> topic) {
        return name(topic) + Topic.DEAD_LETTER_SUFFIX;
    }
}
