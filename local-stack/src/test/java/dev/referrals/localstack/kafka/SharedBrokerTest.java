package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@LocalStackTest
class SharedBrokerTest {

    @Test
    void acceptsAProduceAndAConsume(LocalStack stack, TopicNamespace namespace) throws Exception {
        String topic = namespace.name(Topics.JOBS);
        try (KafkaProducer<String, String> producer = KafkaClients.producer(stack.kafkaBootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "job-1", "open")).get();
        }

        assertThat(KafkaClients.consume(stack.kafkaBootstrapServers(), topic, 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("job-1", "open"));
    }

    @Test
    void transactionalProducerCommitsBothRecordsOrNeither(LocalStack stack, TopicNamespace namespace) {
        String declined = namespace.name(Topics.INVITE_DECLINED);
        String requested = namespace.name(Topics.REFERRAL_REQUESTED);
        try (KafkaProducer<String, String> producer =
                KafkaClients.transactionalProducer(stack.kafkaBootstrapServers())) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(declined, "job-1", "aborted decline"));
            producer.send(new ProducerRecord<>(requested, "job-1", "aborted request"));
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(declined, "job-1", "committed decline"));
            producer.send(new ProducerRecord<>(requested, "job-1", "committed request"));
            producer.commitTransaction();
        }

        assertThat(KafkaClients.consume(stack.kafkaBootstrapServers(), declined, 1))
                .extracting(ConsumerRecord::value).containsExactly("committed decline");
        assertThat(KafkaClients.consume(stack.kafkaBootstrapServers(), requested, 1))
                .extracting(ConsumerRecord::value).containsExactly("committed request");
    }
}
