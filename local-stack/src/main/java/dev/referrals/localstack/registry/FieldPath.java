package dev.referrals.localstack.registry;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the JSON-pointer location of an Avro incompatibility ({@code /fields/1/type/fields/0}) into the dotted
 * field names it points at ({@code address.street}), walking the schema the location was taken from.
 */
final class FieldPath {

    private FieldPath() {
    }

    static Optional<String> of(Schema schema, String location) {
        if (location == null || location.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Schema current = schema;
        Schema.Field field = null;
        String[] segments = location.substring(1).split("/");
        try {
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if ("fields".equals(segment) && i + 1 < segments.length && current.getType() == Schema.Type.RECORD) {
                    field = current.getFields().get(Integer.parseInt(segments[++i]));
                    names.add(field.name());
                } else if ("type".equals(segment) && field != null) {
                    current = field.schema();
                } else if ("items".equals(segment) && current.getType() == Schema.Type.ARRAY) {
                    current = current.getElementType();
                } else if ("values".equals(segment) && current.getType() == Schema.Type.MAP) {
                    current = current.getValueType();
                } else if (current.getType() == Schema.Type.UNION && segment.chars().allMatch(Character::isDigit)) {
                    current = current.getTypes().get(Integer.parseInt(segment));
                } else {
                    break;
                }
            }
        } catch (RuntimeException locationNotInThisSchema) {
            // The location is only a hint for the message; without it the message still has Avro's own path.
            return Optional.empty();
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(".", names));
    }
}
