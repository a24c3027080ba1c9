package dev.referrals.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The fields that Avro's JSON-pointer location of an incompatibility (such as {@code /fields/2/type/fields/0}) passes
 * through in the reader schema it was taken from, so a message can name the field a developer recognises (such as
 * {@code point.x}).
 *
 * @param names        the field names from the outermost record inwards; empty when the location is the record
 *                     itself
 * @param withinSchema false when the location goes on with an index the schema does not have. Avro numbers the
 *                     branches of the writer's union, and restarts its location inside a writer's union, so
 *                     such a location does not fit the reader schema after that point; {@code names} then holds
 *                     the fields reached before it
 */
public record FieldPath(List<String> names, boolean withinSchema) {

    private static final String SEPARATOR = "/";
    private static final String FIELDS = "fields";
    private static final String TYPE = "type";
    private static final String ITEMS = "items";
    private static final String VALUES = "values";
    private static final int NOT_AN_INDEX = -1;

    public FieldPath {
        names = List.copyOf(names);
    }

    /** Walks {@code location}, as Avro's {@code Incompatibility.getLocation()} gives it, through {@code reader}. */
    public static FieldPath of(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        if (location == null) {
            return new FieldPath(names, true);
        }
        Schema current = reader;
        String[] tokens = location.split(SEPARATOR);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            // Avro always writes "type" after a field's index, so stepping into the field there says it all.
            if (token.isEmpty() || TYPE.equals(token)) {
                continue;
            }
            if (FIELDS.equals(token) && i + 1 < tokens.length && current.getType() == Schema.Type.RECORD) {
                int index = index(tokens[++i], current.getFields().size());
                if (index == NOT_AN_INDEX) {
                    return new FieldPath(names, false);
                }
                Schema.Field field = current.getFields().get(index);
                names.add(field.name());
                current = field.schema();
            } else if (ITEMS.equals(token) && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            } else if (VALUES.equals(token) && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
            } else if (current.getType() == Schema.Type.UNION && isNumber(token)) {
                int index = index(token, current.getTypes().size());
                if (index == NOT_AN_INDEX) {
                    return new FieldPath(names, false);
                }
                current = current.getTypes().get(index);
            } else {
                // "name", "symbols" and "size" point into the type, not at a field within it.
                break;
            }
        }
        return new FieldPath(names, true);
    }

    /** The dotted path, such as {@code point.x}; empty when the location is the record itself. */
    public Optional<String> dotted() {
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(".", names));
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    /** The index the token names, or {@link #NOT_AN_INDEX} when it names none of {@code size} entries. */
    private static int index(String token, int size) {
        if (!isNumber(token)) {
            return NOT_AN_INDEX;
        }
        try {
            int index = Integer.parseInt(token);
            return index < size ? index : NOT_AN_INDEX;
        } catch (NumberFormatException tooLarge) {
            return NOT_AN_INDEX;
        }
    }
}
