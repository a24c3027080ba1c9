package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.CompatibilityLevel;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings for running the registry alone. Each option comes from {@code --name=value}, else from the environment
 * variable {@code SCHEMA_REGISTRY_NAME} (upper case, dashes as underscores), else from the default:
 * <pre>
 * --host                   127.0.0.1
 * --port                   8081
 * --bootstrap-servers      localhost:9092
 * --topic                  _schemas
 * --compatibility          BACKWARD
 * --kafka-timeout-seconds  10
 * </pre>
 */
final class CommandLineSettings {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    private static final String ENV_PREFIX = "SCHEMA_REGISTRY_";

    private CommandLineSettings() {
    }

    static SchemaRegistrySettings parse(String[] args, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; options look like --port=8081");
            }
            String[] nameAndValue = arg.substring(2).split("=", 2);
            options.put(nameAndValue[0], nameAndValue[1]);
        }
        String host = option(options, env, "host", SchemaRegistrySettings.DEFAULT_HOST);
        int port = (int) number("port", option(options, env, "port",
                String.valueOf(SchemaRegistrySettings.CONFLUENT_PORT)));
        String bootstrap = option(options, env, "bootstrap-servers", DEFAULT_BOOTSTRAP_SERVERS);
        String topic = option(options, env, "topic", SchemaRegistrySettings.DEFAULT_TOPIC);
        String compatibilityName = option(options, env, "compatibility",
                SchemaRegistrySettings.DEFAULT_COMPATIBILITY.name());
        CompatibilityLevel compatibility = CompatibilityLevel.named(compatibilityName)
                .orElseThrow(() -> new IllegalArgumentException("Unknown compatibility '" + compatibilityName
                        + "'; use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                        + " FULL_TRANSITIVE"));
        Duration timeout = Duration.ofSeconds(number("kafka-timeout-seconds", option(options, env,
                "kafka-timeout-seconds", String.valueOf(SchemaRegistrySettings.DEFAULT_KAFKA_TIMEOUT.toSeconds()))));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + options.keySet()
                    + "; known: host, port, bootstrap-servers, topic, compatibility, kafka-timeout-seconds");
        }
        return new SchemaRegistrySettings(host, port, bootstrap, topic, compatibility, timeout);
    }

    private static long number(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + name + " must be a whole number, not '" + text + "'");
        }
    }

    /** Takes the option out of {@code options}, so what is left afterwards is unknown. */
    private static String option(Map<String, String> options, Map<String, String> env, String name,
                                 String fallback) {
        String fromArgs = options.remove(name);
        if (fromArgs != null) {
            return fromArgs;
        }
        String fromEnv = env.get(ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }
}
