/**
 * A client of Confluent Schema Registry's REST API v1, made because Confluent's own Java client is not on Maven
 * Central.
 *
 * <ul>
 *   <li>{@link dev.referrals.schemas.registry.SchemaRegistryClients#fromConfig} builds the client a serde's
 *       configuration asks for. {@code mock://scope} gives the in-memory
 *       {@link dev.referrals.schemas.registry.MockSchemaRegistryClient}, shared by the whole JVM. Any other URL
 *       gives a {@link dev.referrals.schemas.registry.CachingSchemaRegistryClient} over a
 *       {@link dev.referrals.schemas.registry.RestSchemaRegistryClient}.</li>
 *   <li>The configuration keys are Confluent's ({@link dev.referrals.schemas.registry.SchemaRegistryClientConfig}).
 *       So are the requests, the media types and the {@code error_code} values
 *       ({@link dev.referrals.schemas.registry.RegistryErrorCode}). A service can therefore point at Confluent's
 *       registry or at any registry that speaks the same API.</li>
 *   <li>Every failure is a {@link dev.referrals.schemas.registry.SchemaRegistryException}. It carries the HTTP
 *       status and the error code, and {@code isRetriable()} is true only when no answer came or the registry
 *       answered 5xx.</li>
 *   <li>{@link dev.referrals.schemas.registry.AvroCompatibilityChecker} applies a
 *       {@link dev.referrals.schemas.registry.CompatibilityLevel} with Avro's resolution rules. It is the one check
 *       behind the mock, the local registry server ({@link dev.referrals.schemas.registry.ConfluentCompatibilityAnswer}
 *       words it as Confluent does) and the build's compatibility gate.</li>
 * </ul>
 */
package dev.referrals.schemas.registry;
