package dev.referrals.api.decline;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.input.FreeText;
import dev.referrals.api.input.Ids;
import dev.referrals.api.problem.FieldViolation;
import dev.referrals.api.problem.InvalidRequestException;
import dev.referrals.events.DeclineReason;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a decline in one pass and reports every bad field at once: the ids ({@link Ids}), the bean constraints of
 * {@link DeclineRequest} (a referral names someone), then the configurable ones (lengths and characters of the free
 * texts ({@link FreeText}), the reason symbol, the referee).
 * Nothing is published or stored for a refused request.
 */
@Component
public class DeclineValidator {

    static final String INVITATION_ID = "invitationId";
    static final String JOB_ID = "jobId";
    static final String CLIENT_ID = "clientId";
    static final String FREELANCER_ID = "freelancerId";
    static final String REASON = "reason";
    static final String REASON_TEXT = "reasonText";
    static final String REFEREE = "referral.freelancer";
    static final String MESSAGE = "referral.message";

    /** The reasons a caller may give: UNKNOWN only stands for "not given" and for newer symbols. */
    private static final List<String> ACCEPTED_REASONS = Arrays.stream(DeclineReason.values())
            .filter(reason -> reason != DeclineReason.UNKNOWN)
            .map(Enum::name)
            .toList();

    private final Validator validator;
    private final RefereeRecognizer refereeRecognizer;
    private final ReferralApiProperties properties;

    public DeclineValidator(Validator validator, RefereeRecognizer refereeRecognizer,
                            ReferralApiProperties properties) {
        this.validator = validator;
        this.refereeRecognizer = refereeRecognizer;
        this.properties = properties;
    }

    /** The decline, or an {@link InvalidRequestException} naming every bad field. */
    public Decline validate(String invitationId, DeclineRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Ids.check(INVITATION_ID, invitationId, violations);
        Ids.check(JOB_ID, request.jobId(), violations);
        Ids.check(CLIENT_ID, request.clientId(), violations);
        Ids.check(FREELANCER_ID, request.freelancerId(), violations);
        validator.validate(request).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(DeclineValidator::toFieldViolation)
                .forEach(violations::add);

        DeclineReason reason = reason(request.reason(), violations);
        checkText(REASON_TEXT, request.reasonText(), properties.reasonTextMaxLength(), violations);
        Decline.Referral referral = null;
        if (request.referral() != null) {
            checkText(MESSAGE, request.referral().message(), properties.messageMaxLength(), violations);
            referral = referee(request.referral().freelancer(), violations)
                    .map(referee -> new Decline.Referral(referee, blankToNull(request.referral().message())))
                    .orElse(null);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Decline(invitationId, request.jobId(), request.clientId(), request.freelancerId(), reason,
                blankToNull(request.reasonText()), referral);
    }

    private static DeclineReason reason(String reason, List<FieldViolation> violations) {
        if (reason == null) {
            return DeclineReason.UNKNOWN;
        }
        if (!ACCEPTED_REASONS.contains(reason)) {
            violations.add(new FieldViolation(REASON, "must be one of " + String.join(", ", ACCEPTED_REASONS)));
            return null;
        }
        return DeclineReason.valueOf(reason);
    }

    private Optional<Referee> referee(String typed, List<FieldViolation> violations) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty(); // already reported by the bean constraint
        }
        RefereeRecognizer.Recognition recognition = refereeRecognizer.recognize(typed);
        if (recognition instanceof RefereeRecognizer.Recognized recognized) {
            return Optional.of(recognized.referee());
        }
        violations.add(new FieldViolation(REFEREE, ((RefereeRecognizer.Refused) recognition).reason()));
        return Optional.empty();
    }

    private static void checkText(String field, String text, int maxLength, List<FieldViolation> violations) {
        if (text != null && text.codePointCount(0, text.length()) > maxLength) {
            violations.add(new FieldViolation(field, "must be at most %d characters".formatted(maxLength)));
        } else {
            FreeText.check(field, text, violations);
        }
    }

    private static FieldViolation toFieldViolation(ConstraintViolation<DeclineRequest> violation) {
        return new FieldViolation(violation.getPropertyPath().toString(), violation.getMessage());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
