package dev.referrals.localstack.registry;

/** Avro schemas the registry tests evolve: a User record and how it may or may not change. */
final class TestSchemas {

    static final String USER_V1 = """
            {"type": "record", "name": "User", "namespace": "dev.referrals.test",
             "fields": [{"name": "name", "type": "string"}]}""";

    /** V1 plus a field with a default: compatible in both directions. */
    static final String USER_WITH_OPTIONAL_EMAIL = """
            {"type": "record", "name": "User", "namespace": "dev.referrals.test",
             "fields": [{"name": "name", "type": "string"},
                        {"name": "email", "type": "string", "default": ""}]}""";

    /** V1 plus a field without a default: a new reader cannot read old data (not backward). */
    static final String USER_WITH_REQUIRED_AGE = """
            {"type": "record", "name": "User", "namespace": "dev.referrals.test",
             "fields": [{"name": "name", "type": "string"},
                        {"name": "age", "type": "int"}]}""";

    /** V1 without its only field: an old reader cannot read new data (not forward). */
    static final String USER_WITHOUT_NAME = """
            {"type": "record", "name": "User", "namespace": "dev.referrals.test", "fields": []}""";

    /** V1 with the field's type changed: incompatible both ways. */
    static final String USER_WITH_NUMERIC_NAME = """
            {"type": "record", "name": "User", "namespace": "dev.referrals.test",
             "fields": [{"name": "name", "type": "int"}]}""";

    static final String ORDER = """
            {"type": "record", "name": "Order", "namespace": "dev.referrals.test",
             "fields": [{"name": "orderId", "type": "string"}]}""";

    private TestSchemas() {
    }

    static SchemaDefinition parsed(String schema) {
        return SchemaDefinition.parse(schema);
    }
}
