/**
 * A Schema Registry for local development and tests that speaks Confluent's REST API v1 for Avro, so the project's
 * serde, Confluent's own serializers and any Confluent client work against it unchanged. Production uses Confluent
 * Schema Registry (or another registry with its API) instead.
 *
 * <h2>Running it</h2>
 * In code: {@code SchemaRegistryServer.start(SchemaRegistrySettings.forBootstrapServers("localhost:9092"))}, then
 * {@code url()} is the {@code schema.registry.url}. Alone: the {@code main} of {@link
 * dev.referrals.localstack.registry.SchemaRegistryServer}, with {@code --host}, {@code --port} (8081),
 * {@code --bootstrap-servers} (localhost:9092), {@code --topic} (_schemas), {@code --compatibility} (BACKWARD) and
 * {@code --kafka-timeout-seconds} (10), or the same names as {@code SCHEMA_REGISTRY_*} environment variables.
 *
 * <h2>What it serves</h2>
 * <ul>
 *   <li>{@code POST /subjects/{s}/versions} (register, {@code {"id"}}), {@code POST /subjects/{s}} (look up),
 *       {@code GET /subjects[?deleted]}, {@code GET /subjects/{s}/versions[?deleted]},
 *       {@code GET /subjects/{s}/versions/{v|latest}[/schema]}, {@code DELETE /subjects/{s}[?permanent]},
 *       {@code DELETE /subjects/{s}/versions/{v}[?permanent]};</li>
 *   <li>{@code GET /schemas/ids/{id}[?subject]}, {@code /schemas/ids/{id}/schema}, {@code /versions},
 *       {@code /subjects}, {@code GET /schemas/types};</li>
 *   <li>{@code POST /compatibility/subjects/{s}/versions[/{v|latest}][?verbose]};</li>
 *   <li>{@code GET|PUT|DELETE /config} and {@code /config/{s}[?defaultToGlobal]}; {@code GET /mode} (READWRITE);</li>
 *   <li>{@code /associations/**} answers 404, as do unknown paths; a known path with another method answers 405.</li>
 * </ul>
 * Errors are Confluent's: {@code {"error_code","message"}} with its codes (40401-40408, 409, 42201-42205, 50001).
 * Only {@code schemaType} AVRO without references is accepted. There are no modes to set, no contexts, metadata or rule sets.
 *
 * <h2>Rules</h2>
 * A schema's identity is Avro's canonical JSON of the parsed schema: the same schema gets the same id under every
 * subject, and registering a live one again answers its id without a new version. Compatibility is checked on
 * register with Avro's {@code SchemaCompatibility} at the subject's level, else the global one, by the same check the
 * mock registry of {@code schemas} uses ({@link dev.referrals.schemas.registry.ConfluentCompatibilityAnswer} gives its
 * Confluent wording). Soft-deleted versions
 * keep their numbers and ids, are hidden unless {@code ?deleted=true}, and are not checked against; a permanent
 * delete needs a soft one first and also removes the subject's level.
 *
 * <h2>State</h2>
 * Everything lives in a compacted single-partition topic ({@code _schemas}, created if absent) in Confluent's record
 * shapes, so the topic reads like Confluent's. A start replays it to the end; a write is produced with
 * {@code acks=all}, read back, and only then answered. Writes are serialized by one lock: run one registry per topic.
 * Ids freed by permanent deletes are not reused while their records remain in the topic; once compaction has
 * removed them, a later id may be reused, as with Confluent's registry.
 */
package dev.referrals.localstack.registry;
