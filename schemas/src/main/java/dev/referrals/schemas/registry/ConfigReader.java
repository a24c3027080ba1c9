package dev.referrals.schemas.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Typed reads from a Kafka-style configuration map, whose values arrive as strings from properties files and as
 * typed values from code.
 */
public final class ConfigReader {

    private final Map<String, ?> values;

    public ConfigReader(Map<String, ?> values) {
        this.values = Map.copyOf(withoutNullValues(values));
    }

    /**
     * A reader over the configs with every {@value SchemaRegistryClientConfig#CLIENT_NAMESPACE}-prefixed key also
     * present without its prefix, the prefixed value winning, as Confluent's serdes configure their client.
     */
    public static ConfigReader forRegistryClient(Map<String, ?> configs) {
        Map<String, Object> merged = new HashMap<>(withoutNullValues(configs));
        String prefix = SchemaRegistryClientConfig.CLIENT_NAMESPACE;
        withoutNullValues(configs).forEach((key, value) -> {
            if (key.startsWith(prefix) && !key.equals(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL)) {
                merged.put(key.substring(prefix.length()), value);
            }
        });
        return new ConfigReader(merged);
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof Password password ? password.value() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    public Optional<Object> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean contains(String key) {
        return string(key).isPresent();
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "Expected true or false");
    }

    public long number(String key, long defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            throw new ConfigException(key, value, "Expected a whole number");
        }
    }

    public int integer(String key, int defaultValue) {
        long value = number(key, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ConfigException(key, value, "Out of range for an int");
        }
        return (int) value;
    }

    private static Map<String, ?> withoutNullValues(Map<String, ?> configs) {
        Map<String, Object> copy = new HashMap<>();
        configs.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
