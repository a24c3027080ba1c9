package dev.referrals.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns Avro's JSON-pointer location of an incompatibility (such as {@code /fields/2/type/fields/0}) into the
 * dotted field path a developer recognises (such as {@code point.x}).
 */
final class FieldLocator {

    /** Shown when the incompatibility concerns the record itself, not one of its fields. */
    static final String WHOLE_RECORD = "<record>";

    private FieldLocator() {
    }

    static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema current = reader;
        String[] tokens = location.split("/");
        for (int i = 0; i < tokens.length && current != null; i++) {
            String token = tokens[i];
            if (token.isEmpty() || "type".equals(token)) {
                continue;
            }
            if ("fields".equals(token) && i + 1 < tokens.length && current.getType() == Schema.Type.RECORD) {
                int index = parseIndex(tokens[++i]);
                if (index < 0 || index >= current.getFields().size()) {
                    break;
                }
                Schema.Field field = current.getFields().get(index);
                names.add(field.name());
                current = field.schema();
            } else if ("items".equals(token) && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            } else if ("values".equals(token) && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
            } else if (current.getType() == Schema.Type.UNION && parseIndex(token) >= 0
                    && parseIndex(token) < current.getTypes().size()) {
                current = current.getTypes().get(parseIndex(token));
            } else {
                break;
            }
        }
        return names.isEmpty() ? WHOLE_RECORD : String.join(".", names);
    }

    private static int parseIndex(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }
}
