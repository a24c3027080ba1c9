package dev.referrals.schemas.compat;

/**
 * One reason why the current schema of a subject cannot read data written with an earlier version.
 *
 * @param subject   the registry subject, for example {@code referrals.referral-requested-value}
 * @param version   the archived version the current schema fails to read
 * @param field     the dotted path of the field at fault in the current (reader) schema, or {@code <record>}
 * @param location  Avro's JSON pointer to the incompatible part, for example {@code /fields/3/type}
 * @param type      Avro's incompatibility type, for example {@code READER_FIELD_MISSING_DEFAULT_VALUE}
 * @param detail    Avro's message
 */
public record CompatibilityViolation(
        String subject, int version, String field, String location, String type, String detail) {

    /** One line a developer can act on. */
    public String describe() {
        return "%s: the current schema cannot read v%d: field '%s' (%s) %s: %s"
                .formatted(subject, version, field, location, type, detail);
    }
}
