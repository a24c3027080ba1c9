package dev.referrals.api.decline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.problem.FieldViolation;
import dev.referrals.api.problem.InvalidRequestException;
import dev.referrals.api.support.ShippedProperties;
import dev.referrals.api.support.TestFingerprintKeys;
import dev.referrals.events.DeclineReason;
import dev.referrals.events.RefereeKind;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The checks of a decline, with the shipped limits; every bad field is reported at once. */
class DeclineValidatorTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final ReferralApiProperties PROPERTIES = ShippedProperties.referralApi();

    private final DeclineValidator validator = new DeclineValidator(VALIDATION.getValidator(),
            new RefereeRecognizer(PROPERTIES, TestFingerprintKeys.LOCAL), PROPERTIES);

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aValidDeclineBecomesADeclineWithItsReferral() {
        Decline decline = validator.validate("inv-1", new DeclineRequest("job-1", "client-1", "freelancer-1",
                "NOT_A_FIT", "Not my field", new DeclineRequest.Referral(
                        "https://marketplace.example/freelancers/ana", "Ask Ana")));

        assertThat(decline).isEqualTo(new Decline("inv-1", "job-1", "client-1", "freelancer-1",
                DeclineReason.NOT_A_FIT, "Not my field", new Decline.Referral(
                        new Referee(RefereeKind.PROFILE_URL, "https://marketplace.example/freelancers/ana"),
                        "Ask Ana")));
    }

    @Test
    void noReasonMeansUnknownAndBlankTextsMeanNone() {
        Decline decline = validator.validate("inv-1", new DeclineRequest("job-1", "client-1", "freelancer-1",
                null, " ", new DeclineRequest.Referral("ana@mail.example", "")));

        assertThat(decline.reason()).isEqualTo(DeclineReason.UNKNOWN);
        assertThat(decline.reasonText()).isNull();
        assertThat(decline.referral().message()).isNull();
    }

    @Test
    void aMessageOfExactlyTheLimitInCharactersIsAcceptedEvenWhenCharactersTakeTwoCodeUnits() {
        String atTheLimit = "\uD83D\uDE00".repeat(PROPERTIES.messageMaxLength());

        Decline decline = validator.validate("inv-1", new DeclineRequest("job-1", "client-1", "freelancer-1",
                null, null, new DeclineRequest.Referral("ana@mail.example", atTheLimit)));

        assertThat(decline.referral().message()).isEqualTo(atTheLimit);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        String tooLong = "x".repeat(PROPERTIES.messageMaxLength() + 1);

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class, () ->
                validator.validate(" ", new DeclineRequest(null, " ", "freelancer-1", "BORED", tooLong,
                        new DeclineRequest.Referral("not a referee", tooLong))));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "invitationId", "jobId", "clientId", "reason", "reasonText", "referral.freelancer",
                "referral.message");
    }

    @Test
    void hostileIdsAndControlCharactersInFreeTextAreNamed() {
        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class, () ->
                validator.validate("inv\r\n1", new DeclineRequest("job\u0000", "\u001B[31mc", "f".repeat(129),
                        null, "busy\u0000", new DeclineRequest.Referral("ana@mail.example", "hi\u001B[2J"))));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "invitationId", "jobId", "clientId", "freelancerId", "reasonText", "referral.message");
    }

    @Test
    void lineBreaksAndTabsInFreeTextAreKept() {
        Decline decline = validator.validate("inv-1", new DeclineRequest("job-1", "client-1", "freelancer-1",
                null, "busy\tuntil\nJune", new DeclineRequest.Referral("ana@mail.example", "one\r\ntwo")));

        assertThat(decline.reasonText()).isEqualTo("busy\tuntil\nJune");
        assertThat(decline.referral().message()).isEqualTo("one\r\ntwo");
    }
}
