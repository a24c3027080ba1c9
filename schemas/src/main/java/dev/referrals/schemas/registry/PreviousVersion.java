package dev.referrals.schemas.registry;

import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * An earlier version of a subject that a compatibility check may look at: its number, the schema text the registry
 * holds, and the parsed schema.
 */
public final class PreviousVersion {

    private final int version;
    private final Function<String, Schema> parser;
    // Each is derived from the other on first use: messages quote the text only when a check fails.
    private String text;
    private Schema schema;

    private PreviousVersion(int version, String text, Function<String, Schema> parser, Schema schema) {
        this.version = version;
        this.text = text;
        this.parser = parser;
        this.schema = schema;
    }

    /** A version whose schema is already parsed; its text is the schema's canonical form. */
    public static PreviousVersion of(int version, Schema schema) {
        return new PreviousVersion(version, null, null, Objects.requireNonNull(schema, "schema"));
    }

    /**
     * A version held as text, parsed with {@code parser} only when a check looks at it: a registry holds every
     * version, while a non-transitive level looks at the newest alone and a check may stop at the first conflict.
     */
    public static PreviousVersion parsedOnUse(int version, String text, Function<String, Schema> parser) {
        Objects.requireNonNull(text, "text");
        return new PreviousVersion(version, text, Objects.requireNonNull(parser, "parser"), null);
    }

    public int version() {
        return version;
    }

    /** The schema as the registry holds and quotes it. Not thread-safe, like {@link #schema()}. */
    public String text() {
        if (text == null) {
            text = SchemaText.canonical(schema);
        }
        return text;
    }

    /** Not thread-safe: an instance serves one check at a time. */
    public Schema schema() {
        if (schema == null) {
            schema = parser.apply(text);
        }
        return schema;
    }
}
