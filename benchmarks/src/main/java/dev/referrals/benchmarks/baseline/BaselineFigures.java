package dev.referrals.benchmarks.baseline;

import dev.referrals.benchmarks.api.HttpFigures;

/**
 * Every baseline of a run.
 *
 * @param recordBytes              the size of a ReferralRequested in the wire format, used for the Kafka baseline
 * @param kafkaProducer            ProducerPerformance at full speed, acks=all
 * @param kafkaProducerAtRate      ProducerPerformance at a fixed rate: the latency of one acks=all hop
 * @param kafkaConsumerPerSecond   ConsumerPerformance, records per second while fetching
 * @param postgres                 single-row and batched insert commits
 * @param smtp                     JavaMail to the sink, a connection per message and one for all
 * @param bareEndpoint             the bare Spring MVC endpoint under the API's load
 */
public record BaselineFigures(int recordBytes, KafkaBaseline.ProducerFigures kafkaProducer,
                              KafkaBaseline.ProducerFigures kafkaProducerAtRate, int kafkaLatencyRate,
                              double kafkaConsumerPerSecond, PostgresBaseline.Figures postgres,
                              SmtpBaseline.Figures smtp, HttpFigures bareEndpoint) {
}
