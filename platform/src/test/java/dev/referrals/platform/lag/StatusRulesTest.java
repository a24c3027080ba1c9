package dev.referrals.platform.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    /** A sample {@code secondsAfterT0} in, with the group at {@code committed} and the log at {@code end}. */
    private static GroupSample sample(int secondsAfterT0, boolean members, long committed, long end) {
        return new GroupSample("referral-processor.decisions", T0.plusSeconds(secondsAfterT0), members,
                List.of(new PartitionLag("referrals.referral-requested", 0, committed, end, end - committed, 0)), null);
    }

    private static GroupStatus status(GroupSample... samples) {
        return StatusRules.evaluate(List.of(samples), WINDOW).status();
    }

    @Test
    void aGroupWithNothingWaitingIsOk() {
        assertThat(status(sample(0, true, 10, 10), sample(120, true, 50, 50))).isEqualTo(GroupStatus.OK);
    }

    @Test
    void aGroupThatMovesButFallsFurtherBehindAcrossTheWindowIsWarn() {
        assertThat(status(sample(0, true, 10, 20), sample(60, true, 20, 40), sample(120, true, 30, 70)))
                .isEqualTo(GroupStatus.WARN);
    }

    @Test
    void aGroupThatMovesAndCatchesUpIsOk() {
        assertThat(status(sample(0, true, 10, 40), sample(60, true, 30, 45), sample(120, true, 45, 50)))
                .isEqualTo(GroupStatus.OK);
    }

    @Test
    void membersPresentButNoProgressAcrossTheWindowWhileRecordsWaitIsStall() {
        assertThat(status(sample(0, true, 10, 20), sample(120, true, 10, 25))).isEqualTo(GroupStatus.STALL);
    }

    @Test
    void noMemberAndNoProgressAcrossTheWindowWhileRecordsWaitIsStop() {
        assertThat(status(sample(0, false, 10, 20), sample(120, false, 10, 20))).isEqualTo(GroupStatus.STOP);
    }

    @Test
    void noProgressIsNotJudgedBeforeTheWindowIsCovered() {
        assertThat(status(sample(0, false, 10, 20), sample(60, false, 10, 20))).isEqualTo(GroupStatus.OK);
    }

    @Test
    void aSampleThatCouldNotBeTakenIsErr() {
        List<GroupSample> samples = new ArrayList<>(List.of(sample(0, true, 10, 20)));
        samples.add(GroupSample.failed("referral-processor.decisions", T0.plusSeconds(10), "broker unreachable"));

        LagEvaluation evaluation = StatusRules.evaluate(samples, WINDOW);

        assertThat(evaluation.status()).isEqualTo(GroupStatus.ERR);
        assertThat(evaluation.reason()).isEqualTo("broker unreachable");
    }
}
