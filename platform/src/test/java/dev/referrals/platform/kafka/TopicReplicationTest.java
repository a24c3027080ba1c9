package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicReplicationTest {

    private static final ReferralsKafkaProperties.Replication PRODUCTION =
            new ReferralsKafkaProperties.Replication(3, 2);

    @Test
    void threeOrMoreBrokersGetThreeReplicasWithTwoInSync() {
        assertThat(TopicReplication.forCluster(3, PRODUCTION)).isEqualTo(new TopicReplication((short) 3, 2, false));
        assertThat(TopicReplication.forCluster(5, PRODUCTION)).isEqualTo(new TopicReplication((short) 3, 2, false));
    }

    @Test
    void aSmallerClusterGetsAReplicaPerBrokerOneFewerInSyncAndIsReportedReduced() {
        assertThat(TopicReplication.forCluster(2, PRODUCTION)).isEqualTo(new TopicReplication((short) 2, 1, true));
        assertThat(TopicReplication.forCluster(1, PRODUCTION)).isEqualTo(new TopicReplication((short) 1, 1, true));
    }

    @Test
    void theWarningNamesTheClusterWhatItGetsAndWhatProductionNeeds() {
        String warning = TopicReplication.forCluster(1, PRODUCTION).warning(1, PRODUCTION);

        assertThat(warning).contains("1 broker(s)", "replication factor 1", "min.insync.replicas=1",
                "instead of 3 and 2", "at least 3 brokers", "referrals.kafka.replication.");
    }
}
