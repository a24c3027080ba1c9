package dev.referrals.api.decline;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.api.access.Caller;
import dev.referrals.api.access.ForbiddenException;
import dev.referrals.api.access.RateLimits;
import dev.referrals.api.idempotency.IdempotentExecution;
import dev.referrals.api.idempotency.RequestFingerprint;
import dev.referrals.api.idempotency.StoredResponse;
import dev.referrals.api.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/invitations/{invitationId}/decline}: a decline, with an optional referral. */
@RestController
@Tag(name = "Declines")
public class DeclineController {

    static final String PATH = "/api/v1/invitations/{invitationId}/decline";
    /** Set on an answer that is the stored answer of an earlier request with the same Idempotency-Key. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final DeclineValidator validator;
    private final DeclineIntake intake;
    private final IdempotentExecution idempotentExecution;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final RateLimits rateLimits;
    private final int keyMaxLength;

    public DeclineController(DeclineValidator validator, DeclineIntake intake, IdempotentExecution idempotentExecution,
                             TransactionTemplate transactions, JsonMapper json, RateLimits rateLimits,
                             ReferralApiProperties properties) {
        this.validator = validator;
        this.intake = intake;
        this.idempotentExecution = idempotentExecution;
        this.transactions = transactions;
        this.json = json;
        this.rateLimits = rateLimits;
        this.keyMaxLength = properties.idempotency().keyMaxLength();
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decline an invitation, optionally referring another freelancer",
            description = "Publishes InviteDeclined and, with a referral, ReferralRequested in one Kafka transaction, "
                    + "and answers 202 once Kafka acknowledged both (acks=all). Nothing is published for a 4xx or 503.")
    @ApiResponse(responseCode = "202", description = "Published; with a referral, its status link is in Location.",
            headers = {
                    @Header(name = "Location", description = "The referral request's status, with a referral"),
                    @Header(name = REPLAYED_HEADER, description = "true when this is a replayed answer")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DeclineAccepted.class)))
    @ApiResponse(responseCode = "400", description = "Invalid input; errors names every bad field. Nothing published.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "The body is over referrals.api.max-body-size. Nothing published.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "A user declining as another freelancer",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "An earlier request with this Idempotency-Key is still in flight.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was used with a different request.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many declines from this caller; see Retry-After.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Kafka did not commit in time, or the database cannot be reached; "
            + "nothing was published. Retry after Retry-After seconds.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<String> decline(
            @PathVariable String invitationId,
            @RequestBody DeclineRequest body,
            @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe: the same key and body replay the "
                    + "first answer.")
            @RequestHeader(name = IdempotentExecution.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request,
            @Parameter(hidden = true) Caller caller) {
        rateLimits.decline(caller);
        checkKey(idempotencyKey);
        Decline decline = validator.validate(invitationId, body);
        if (!caller.mayDeclineAs(decline.freelancerId())) {
            throw new ForbiddenException("A freelancer declines only their own invitations.");
        }
        AtomicBoolean published = new AtomicBoolean();
        try {
            if (idempotencyKey == null) {
                return answer(transactions.execute(transaction -> publish(decline,
                        DeclineIds.random(decline.hasReferral()), published)), false);
            }
            // The same key from two callers is two keys: neither can replay, or block, the other's request.
            String callersKey = IdempotentExecution.scoped(caller.key(), idempotencyKey);
            String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
                    json.writeValueAsString(body));
            IdempotentExecution.Answer answer = idempotentExecution.execute(callersKey, fingerprint, () -> publish(
                    decline, DeclineIds.derived(callersKey, fingerprint, decline.hasReferral()), published));
            return answer(answer.response(), answer.replayed());
        } catch (RuntimeException failure) {
            if (published.get()) {
                // Kafka committed, then the database transaction that stores the answer failed (the connection
                // died): the decline is out, the caller was not told so. "Nothing was published" would be false.
                throw PublishingOutcomeUnknownException.afterPublishing(failure);
            }
            throw failure;
        }
    }

    /** Publishes the decline in the caller's database transaction, and notes once Kafka committed it. */
    private StoredResponse publish(Decline decline, DeclineIds ids, AtomicBoolean published) {
        DeclineAccepted accepted = intake.accept(decline, ids);
        published.set(true);
        return render(accepted);
    }

    private void checkKey(String idempotencyKey) {
        if (idempotencyKey == null) {
            return;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > keyMaxLength
                || idempotencyKey.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(IdempotentExecution.HEADER,
                    "must be 1 to %d characters, not blank, without control characters".formatted(keyMaxLength));
        }
    }

    private StoredResponse render(DeclineAccepted accepted) {
        return new StoredResponse(HttpStatus.ACCEPTED.value(), json.writeValueAsString(accepted),
                accepted.statusLink());
    }

    private static ResponseEntity<String> answer(StoredResponse response, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (response.location() != null) {
            answer.location(URI.create(response.location()));
        }
        if (replayed) {
            answer.header(REPLAYED_HEADER, Boolean.TRUE.toString());
        }
        return answer.body(response.body());
    }
}
