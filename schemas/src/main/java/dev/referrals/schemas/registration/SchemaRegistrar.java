package dev.referrals.schemas.registration;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registry.CompatibilityLevel;
import dev.referrals.schemas.registry.CompatibilityResult;
import dev.referrals.schemas.registry.RegisteredSchema;
import dev.referrals.schemas.registry.RegistryErrorCode;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the catalogue's schemas on purpose, or checks them, because services never auto-register.
 *
 * <p>Register sets each subject's compatibility level first, so the registry itself then refuses any later
 * incompatible version. Check changes nothing: it says, per subject, whether the current schema is registered,
 * new but compatible, or incompatible.
 */
public final class SchemaRegistrar {

    /** The level the project promises downstream readers (docs/schemas.md, "Changing a schema"). */
    public static final CompatibilityLevel PROJECT_COMPATIBILITY = CompatibilityLevel.BACKWARD_TRANSITIVE;

    private final SchemaRegistryClient client;
    private final TopicNamespace namespace;

    public SchemaRegistrar(SchemaRegistryClient client, TopicNamespace namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Sets each subject's level, then registers its current schema; an already registered schema keeps its id. */
    public List<SubjectStatus> registerAll(CompatibilityLevel level) {
        List<SubjectStatus> statuses = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            String subject = namespace.valueSubject(topic);
            client.setCompatibility(subject, level);
            client.register(subject, topic.valueSchema());
            RegisteredSchema registered = client.lookup(subject, topic.valueSchema());
            statuses.add(SubjectStatus.registered(subject, registered.id(), registered.version()));
        }
        return statuses;
    }

    /** Says for each subject whether its current schema is registered, would be accepted, or would be refused. */
    public List<SubjectStatus> checkAll() {
        List<SubjectStatus> statuses = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            statuses.add(check(namespace.valueSubject(topic), topic));
        }
        return statuses;
    }

    private SubjectStatus check(String subject, Topic<?, ?> topic) {
        try {
            RegisteredSchema registered = client.lookup(subject, topic.valueSchema());
            return SubjectStatus.registered(subject, registered.id(), registered.version());
        } catch (SchemaRegistryException notThere) {
            if (notThere.errorCode() == RegistryErrorCode.SUBJECT_NOT_FOUND) {
                return SubjectStatus.newSubject(subject);
            }
            if (notThere.errorCode() != RegistryErrorCode.SCHEMA_NOT_FOUND) {
                throw notThere;
            }
        }
        CompatibilityResult result = client.testCompatibility(subject, topic.valueSchema(), "latest");
        return result.isCompatible()
                ? SubjectStatus.newVersion(subject)
                : SubjectStatus.incompatible(subject, result.messages());
    }
}
