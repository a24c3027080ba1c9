package dev.referrals.schemas.registry;

import java.util.List;

/**
 * What a new schema breaks with one earlier version under a compatibility level.
 *
 * @param previous          the earlier version
 * @param incompatibilities every reason, backward ones first, never empty
 */
public record VersionConflict(PreviousVersion previous, List<SchemaIncompatibility> incompatibilities) {

    public VersionConflict {
        incompatibilities = List.copyOf(incompatibilities);
        if (incompatibilities.isEmpty()) {
            throw new IllegalArgumentException("a conflict has at least one incompatibility");
        }
    }
}
