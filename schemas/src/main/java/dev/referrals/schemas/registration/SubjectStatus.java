package dev.referrals.schemas.registration;

import java.util.List;

/**
 * Where one subject stands against a registry.
 *
 * @param subject  the subject
 * @param state    REGISTERED, NEW_SUBJECT, NEW_VERSION or INCOMPATIBLE
 * @param id       the schema id when registered, else -1
 * @param version  the version when registered, else -1
 * @param messages the registry's reasons when incompatible
 */
public record SubjectStatus(String subject, State state, int id, int version, List<String> messages) {

    /** How a subject stands. */
    public enum State {
        /** The current schema is registered under the subject. */
        REGISTERED,
        /** The subject does not exist yet; registering creates it. */
        NEW_SUBJECT,
        /** The current schema is not registered, and the registry would accept it as a new version. */
        NEW_VERSION,
        /** The registry would refuse the current schema. */
        INCOMPATIBLE
    }

    private static final int NONE = -1;

    static SubjectStatus registered(String subject, int id, int version) {
        return new SubjectStatus(subject, State.REGISTERED, id, version, List.of());
    }

    static SubjectStatus newSubject(String subject) {
        return new SubjectStatus(subject, State.NEW_SUBJECT, NONE, NONE, List.of());
    }

    static SubjectStatus newVersion(String subject) {
        return new SubjectStatus(subject, State.NEW_VERSION, NONE, NONE, List.of());
    }

    static SubjectStatus incompatible(String subject, List<String> messages) {
        return new SubjectStatus(subject, State.INCOMPATIBLE, NONE, NONE, List.copyOf(messages));
    }

    /** One line for a terminal. */
    public String describe() {
        return switch (state) {
            case REGISTERED -> "%-45s registered: id %d, version %d".formatted(subject, id, version);
            case NEW_SUBJECT -> "%-45s not registered: a new subject".formatted(subject);
            case NEW_VERSION -> "%-45s not registered: compatible, would be a new version".formatted(subject);
            case INCOMPATIBLE -> "%-45s INCOMPATIBLE: %s".formatted(subject, String.join("; ", messages));
        };
    }
}
