package dev.referrals.platform.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.TopicNamespace;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lag monitor watches the pipeline's groups of its own namespace only. */
class WatchedGroupsTest {

    /** The default of {@code referrals.lag.group-pattern}. */
    private static final String PIPELINE = "^(referral-api|referral-processor|notification-worker)\\..+";

    @Test
    void withoutAPrefixThePipelinesGroupsAreWatched() {
        Pattern watched = LagAutoConfiguration.watchedGroups(PIPELINE, TopicNamespace.NONE);

        assertThat(watched.matcher("referral-processor.decisions").matches()).isTrue();
        assertThat(watched.matcher("notification-worker.accounts").matches()).isTrue();
        assertThat(watched.matcher("analytics.referral-created").matches()).isFalse();
        assertThat(watched.matcher("it-3.referral-processor.decisions").matches()).isFalse();
    }

    @Test
    void underAPrefixOnlyThatNamespacesGroupsAreWatched() {
        Pattern watched = LagAutoConfiguration.watchedGroups(PIPELINE, TopicNamespace.of("it-3."));

        assertThat(watched.matcher("it-3.referral-processor.decisions").matches()).isTrue();
        assertThat(watched.matcher("referral-processor.decisions").matches()).isFalse();
        assertThat(watched.matcher("it-4.referral-processor.decisions").matches()).isFalse();
        assertThat(watched.matcher("it-3xreferral-processor.decisions").matches()).isFalse();
    }
}
