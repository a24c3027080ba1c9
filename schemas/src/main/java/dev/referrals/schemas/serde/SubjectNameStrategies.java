package dev.referrals.schemas.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/**
 * Turns a {@code key.subject.name.strategy} / {@code value.subject.name.strategy} setting into a strategy.
 *
 * <p>Confluent's class names map to the equivalent strategies here, so configurations written for Confluent's serde
 * keep working without Confluent's jars.
 */
final class SubjectNameStrategies {

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private static final Map<String, Supplier<SubjectNameStrategy>> BUILT_IN = Map.of(
            TopicNameStrategy.class.getSimpleName(), TopicNameStrategy::new,
            RecordNameStrategy.class.getSimpleName(), RecordNameStrategy::new,
            TopicRecordNameStrategy.class.getSimpleName(), TopicRecordNameStrategy::new);

    private SubjectNameStrategies() {
    }

    /**
     * @param key   the config key, for error messages
     * @param value null for the default, a {@link SubjectNameStrategy}, a class, or a class name
     */
    static SubjectNameStrategy resolve(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            return new TopicNameStrategy();
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        if (value instanceof Class<?> type) {
            return instantiate(key, type);
        }
        String name = value.toString().trim();
        Supplier<SubjectNameStrategy> builtIn = BUILT_IN.get(simpleNameIfKnownPackage(name));
        if (builtIn != null) {
            return builtIn.get();
        }
        try {
            return instantiate(key, Class.forName(name, true, classLoader()));
        } catch (ClassNotFoundException missing) {
            throw new ConfigException(key, value, "No such subject name strategy class");
        }
    }

    /** Confluent's, this package's, or a bare name of the three standard strategies. */
    private static String simpleNameIfKnownPackage(String name) {
        String ownPackage = SubjectNameStrategies.class.getPackageName() + ".";
        if (name.startsWith(CONFLUENT_PACKAGE)) {
            return name.substring(CONFLUENT_PACKAGE.length());
        }
        if (name.startsWith(ownPackage)) {
            return name.substring(ownPackage.length());
        }
        return name;
    }

    private static SubjectNameStrategy instantiate(String key, Class<?> type) {
        if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
            Supplier<SubjectNameStrategy> builtIn = BUILT_IN.get(simpleNameIfKnownPackage(type.getName()));
            if (builtIn != null) {
                return builtIn.get();
            }
            throw new ConfigException(key, type.getName(), "Not a " + SubjectNameStrategy.class.getName());
        }
        try {
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            Throwable cause = unusable instanceof InvocationTargetException invocation ? invocation.getCause()
                    : unusable;
            throw new ConfigException(key, type.getName(), "Cannot instantiate: " + cause);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SubjectNameStrategies.class.getClassLoader();
    }
}
