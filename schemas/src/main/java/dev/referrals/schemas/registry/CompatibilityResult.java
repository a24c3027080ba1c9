package dev.referrals.schemas.registry;

import java.util.List;

/**
 * The registry's answer to a compatibility test.
 *
 * @param isCompatible whether the schema may be registered
 * @param messages     the registry's verbose reasons when it may not; empty when it may
 */
public record CompatibilityResult(boolean isCompatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    public static CompatibilityResult compatible() {
        return new CompatibilityResult(true, List.of());
    }

    public static CompatibilityResult incompatible(List<String> messages) {
        return new CompatibilityResult(false, messages);
    }

    /** Confluent's words for refusing to register a schema with this result (HTTP 409, error code 409). */
    public String registrationRefusal(String subject) {
        return "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                + "\", details: " + messages;
    }
}
