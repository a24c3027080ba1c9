package dev.referrals.platform.kafka;

import dev.referrals.platform.failure.DependencyOutages;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Tells {@link DependencyOutages} of every record a listener processed, record or batch listener alike, so that an
 * outage ends when the record that waited for the dependency goes through. It changes no record.
 */
final class OutageEnds {

    private OutageEnds() {
    }

    static void watch(ConcurrentMessageListenerContainer<Object, Object> container, DependencyOutages outages) {
        container.setRecordInterceptor(new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                            Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                outages.succeeded(record.topic());
            }
        });
        container.setBatchInterceptor(new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                             Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                records.partitions().forEach(partition -> outages.succeeded(partition.topic()));
            }
        });
    }
}
