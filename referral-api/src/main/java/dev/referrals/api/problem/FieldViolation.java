package dev.referrals.api.problem;

/**
 * One bad input of a request, as listed in the {@code errors} property of a 400 problem.
 *
 * @param field   where it is: a JSON property path such as {@code referral.freelancer}, a query parameter such as
 *                {@code size}, or a header such as {@code Idempotency-Key}
 * @param message what is wrong with it, in words a caller can act on
 */
public record FieldViolation(String field, String message) {
}
