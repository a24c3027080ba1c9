package dev.referrals.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The in-memory registry's answer to a compatibility check: every earlier version the candidate breaks with, oldest
 * first, each reason in Avro's own words with its path, then the level. Shorter than Confluent's wording
 * ({@link ConfluentCompatibilityAnswer}), but with the same error types and fields, which is what tests look for.
 */
final class MockCompatibilityAnswer {

    private MockCompatibilityAnswer() {
    }

    /** @param previous earlier versions, oldest first; non-transitive levels look at the newest one only */
    static CompatibilityResult check(CompatibilityLevel level, Schema candidate, List<PreviousVersion> previous) {
        List<VersionConflict> conflicts = AvroCompatibilityChecker.everyConflict(level, candidate, previous);
        if (conflicts.isEmpty()) {
            return CompatibilityResult.compatible();
        }
        List<String> messages = new ArrayList<>();
        for (VersionConflict conflict : conflicts) {
            conflict.incompatibilities().forEach(incompatibility -> messages.add(describe(incompatibility)));
            messages.add("{oldSchemaVersion: " + conflict.previous().version() + "}");
            messages.add("{oldSchema: '" + conflict.previous().text() + "'}");
        }
        messages.add("{compatibility: '" + level.name() + "'}");
        return CompatibilityResult.incompatible(messages);
    }

    private static String describe(SchemaIncompatibility incompatibility) {
        return "{errorType:'" + incompatibility.type() + "', description:'" + incompatibility.detail()
                + " at path '" + incompatibility.location() + "'', additionalInfo:'" + incompatibility.detail() + "'}";
    }
}
