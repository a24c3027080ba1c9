package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.TestEvents;
import dev.referrals.worker.directory.Contact;
import dev.referrals.worker.directory.JobEntry;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether each email of a referral is sent now, skipped for good, or waits for a late fact (I6). */
class EmailDraftsTest {

    private static final boolean WITHIN_GRACE_PERIOD = false;
    private static final boolean GRACE_PERIOD_OVER = true;

    private final EmailDrafts drafts = new EmailDrafts(
            new EmailLinks(URI.create("https://marketplace.example")), "referrals.example.test");
    private final ReferralCreated referral = TestEvents.referral("job-1", "carla", "ana", "ben", "Hi");

    private final Contact ana = new Contact("ana", "Ana", "ana@example.test", false);
    private final Contact ben = new Contact("ben", "Ben", "ben@example.test", false);
    private final Contact carla = new Contact("carla", "Carla", "carla@example.test", false);
    private final JobEntry job = new JobEntry("job-1", "carla", "Senior Java developer");

    @Test
    void withEveryFactKnownBothEmailsAreReadyWithTheirRecipientAndDeterministicMessageId() {
        ReferralFacts facts = facts(Map.of("ana", ana, "ben", ben, "carla", carla), job);

        ReferralEmail referee = ready(drafts.draft(referral, Role.REFEREE, facts, WITHIN_GRACE_PERIOD));
        ReferralEmail client = ready(drafts.draft(referral, Role.CLIENT, facts, WITHIN_GRACE_PERIOD));

        assertThat(referee.recipient().getAddress()).isEqualTo("ben@example.test");
        assertThat(referee.recipient().getPersonal()).isEqualTo("Ben");
        assertThat(referee.messageId().value()).isEqualTo("<" + referral.getReferralId() + ".referee@referrals.example.test>");
        assertThat(referee.link()).hasToString("https://marketplace.example/freelancers/ben/referrals");
        assertThat(client.recipient().getAddress()).isEqualTo("carla@example.test");
        assertThat(client.messageId().value()).isEqualTo("<" + referral.getReferralId() + ".client@referrals.example.test>");
        assertThat(client.link()).hasToString("https://marketplace.example/jobs/job-1/invitations");
        assertThat(client.referrerName()).isEqualTo("Ana");
        assertThat(client.refereeName()).isEqualTo("Ben");
        assertThat(client.jobTitle()).isEqualTo("Senior Java developer");
        assertThat(client.message()).isEqualTo("Hi");
        assertThat(client.neutralFacts()).isEmpty();
    }

    @Test
    void anErasedRecipientIsSkippedAtOnceEvenWithinTheGracePeriod() {
        ReferralFacts facts = facts(Map.of("ana", ana, "ben", Contact.erased("ben"), "carla", carla), job);

        assertThat(drafts.draft(referral, Role.REFEREE, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Skip(SkipReason.ERASED));
    }

    @Test
    void anUnknownRecipientIsWaitedForWithinTheGracePeriodThenSkipped() {
        ReferralFacts facts = facts(Map.of("ana", ana, "ben", ben), job);

        assertThat(drafts.draft(referral, Role.CLIENT, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Wait(Set.of(Fact.RECIPIENT)));
        assertThat(drafts.draft(referral, Role.CLIENT, facts, GRACE_PERIOD_OVER))
                .isEqualTo(new Draft.Skip(SkipReason.UNKNOWN));
    }

    @Test
    void anUnknownJobIsWaitedForWithinTheGracePeriodThenLeftOutOfTheWording() {
        ReferralFacts facts = new ReferralFacts(Map.of("ana", ana, "ben", ben, "carla", carla), Optional.empty());

        assertThat(drafts.draft(referral, Role.REFEREE, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Wait(Set.of(Fact.JOB)));
        ReferralEmail email = ready(drafts.draft(referral, Role.REFEREE, facts, GRACE_PERIOD_OVER));
        assertThat(email.jobTitle()).isNull();
        assertThat(email.neutralFacts()).containsExactly(Fact.JOB);
    }

    @Test
    void theClientsEmailGoesToTheJobsClientInTheDirectoryNotToTheClientTheEventNames() {
        Contact mallory = new Contact("mallory", "Mallory", "mallory@example.test", false);
        ReferralCreated namingMallory = TestEvents.referral("job-1", "mallory", "ana", "ben", "Hi");
        ReferralFacts facts = facts(Map.of("ana", ana, "ben", ben, "carla", carla, "mallory", mallory), job);

        ReferralEmail client = ready(drafts.draft(namingMallory, Role.CLIENT, facts, WITHIN_GRACE_PERIOD));

        assertThat(client.recipientAccountId()).isEqualTo("carla");
        assertThat(client.recipient().getAddress()).isEqualTo("carla@example.test");
    }

    @Test
    void whileTheJobIsUnknownTheClientsEmailWaitsForItThenIsSkippedForWantOfARecipient() {
        ReferralFacts facts = new ReferralFacts(Map.of("ana", ana, "ben", ben, "carla", carla), Optional.empty());

        assertThat(drafts.draft(referral, Role.CLIENT, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Wait(Set.of(Fact.RECIPIENT, Fact.JOB)));
        assertThat(drafts.draft(referral, Role.CLIENT, facts, GRACE_PERIOD_OVER))
                .isEqualTo(new Draft.Skip(SkipReason.UNKNOWN));
    }

    @Test
    void anUnknownReferrerIsWaitedForThenLeftOutButAnErasedOneIsLeftOutAtOnce() {
        ReferralFacts unknownReferrer = facts(Map.of("ben", ben, "carla", carla), job);
        ReferralFacts erasedReferrer = facts(Map.of("ana", Contact.erased("ana"), "ben", ben, "carla", carla), job);

        assertThat(drafts.draft(referral, Role.CLIENT, unknownReferrer, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Wait(Set.of(Fact.REFERRER)));
        assertThat(ready(drafts.draft(referral, Role.CLIENT, unknownReferrer, GRACE_PERIOD_OVER)).neutralFacts())
                .containsExactly(Fact.REFERRER);
        ReferralEmail email = ready(drafts.draft(referral, Role.CLIENT, erasedReferrer, WITHIN_GRACE_PERIOD));
        assertThat(email.referrerName()).isNull();
        assertThat(email.neutralFacts()).containsExactly(Fact.REFERRER);
    }

    @Test
    void theRefereesNameMattersOnlyToTheClientsEmail() {
        ReferralFacts facts = facts(Map.of("ana", ana, "carla", carla), job);

        assertThat(drafts.draft(referral, Role.CLIENT, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Wait(Set.of(Fact.REFEREE)));
        assertThat(drafts.draft(referral, Role.REFEREE, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Wait(Set.of(Fact.RECIPIENT)));
    }

    @Test
    void aRecipientWithAnInvalidAddressIsSkippedRatherThanRetried() {
        ReferralFacts facts = facts(Map.of("ana", ana, "ben", new Contact("ben", "Ben", "not an address", false),
                "carla", carla), job);

        assertThat(drafts.draft(referral, Role.REFEREE, facts, WITHIN_GRACE_PERIOD))
                .isEqualTo(new Draft.Skip(SkipReason.INVALID_ADDRESS));
    }

    @Test
    void aDisplayNameWithLineBreaksCannotAddHeaders() {
        ReferralFacts facts = facts(Map.of("ana", ana, "ben",
                new Contact("ben", "Ben\r\nBcc: victim@example.test", "ben@example.test", false), "carla", carla), job);

        ReferralEmail email = ready(drafts.draft(referral, Role.REFEREE, facts, WITHIN_GRACE_PERIOD));

        assertThat(email.recipient().toString()).doesNotContain("\r", "\n");
    }

    private static ReferralFacts facts(Map<String, Contact> contacts, JobEntry job) {
        return new ReferralFacts(contacts, Optional.of(job));
    }

    private static ReferralEmail ready(Draft draft) {
        assertThat(draft).isInstanceOf(Draft.Ready.class);
        return ((Draft.Ready) draft).email();
    }
}
