package dev.referrals.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessorPropertiesTest {

    @Test
    void lateFactRetriesOutlastTheGracePeriodAndTheClockSkewAllowance() {
        ProcessorProperties.LateFacts lateFacts = new ProcessorProperties.LateFacts(
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(lateFacts.retriesToOutlastGracePeriod() * lateFacts.retryInterval().toMillis())
                .isGreaterThan(Duration.ofSeconds(35).toMillis());
    }

    @Test
    void anIntervalThatDoesNotDivideTheGracePeriodStillOutlastsIt() {
        ProcessorProperties.LateFacts lateFacts = new ProcessorProperties.LateFacts(
                Duration.ofMillis(1000), Duration.ofMillis(300), Duration.ZERO);

        assertThat(lateFacts.retriesToOutlastGracePeriod() * 300).isGreaterThan(1000);
    }
}
