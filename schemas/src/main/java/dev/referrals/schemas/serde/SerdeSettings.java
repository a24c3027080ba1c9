package dev.referrals.schemas.serde;

import dev.referrals.schemas.registry.ConfigReader;
import java.util.Map;

/**
 * The serde behaviour a configuration asks for, read once at {@code configure} time.
 *
 * @param autoRegisterSchemas       see {@link AvroSerdeConfig#AUTO_REGISTER_SCHEMAS}
 * @param useLatestVersion          see {@link AvroSerdeConfig#USE_LATEST_VERSION}
 * @param latestCompatibilityStrict see {@link AvroSerdeConfig#LATEST_COMPATIBILITY_STRICT}
 * @param specificAvroReader        see {@link AvroSerdeConfig#SPECIFIC_AVRO_READER}
 * @param keySubjectNameStrategy    see {@link AvroSerdeConfig#KEY_SUBJECT_NAME_STRATEGY}
 * @param valueSubjectNameStrategy  see {@link AvroSerdeConfig#VALUE_SUBJECT_NAME_STRATEGY}
 */
record SerdeSettings(boolean autoRegisterSchemas, boolean useLatestVersion, boolean latestCompatibilityStrict,
        boolean specificAvroReader, SubjectNameStrategy keySubjectNameStrategy,
        SubjectNameStrategy valueSubjectNameStrategy) {

    static SerdeSettings defaults() {
        return fromConfig(Map.of());
    }

    static SerdeSettings fromConfig(Map<String, ?> configs) {
        ConfigReader config = new ConfigReader(configs);
        return new SerdeSettings(
                config.bool(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, AvroSerdeConfig.DEFAULT_AUTO_REGISTER_SCHEMAS),
                config.bool(AvroSerdeConfig.USE_LATEST_VERSION, AvroSerdeConfig.DEFAULT_USE_LATEST_VERSION),
                config.bool(AvroSerdeConfig.LATEST_COMPATIBILITY_STRICT,
                        AvroSerdeConfig.DEFAULT_LATEST_COMPATIBILITY_STRICT),
                config.bool(AvroSerdeConfig.SPECIFIC_AVRO_READER, AvroSerdeConfig.DEFAULT_SPECIFIC_AVRO_READER),
                SubjectNameStrategies.resolve(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                        config.raw(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY).orElse(null)),
                SubjectNameStrategies.resolve(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        config.raw(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY).orElse(null)));
    }

    SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }
}
