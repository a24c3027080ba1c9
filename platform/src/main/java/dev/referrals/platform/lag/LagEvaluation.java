package dev.referrals.platform.lag;

/**
 * A group's status with the reason for it and the latest figures.
 *
 * @param group   the group id
 * @param status  OK, WARN, STALL, STOP or ERR
 * @param reason  one line explaining the status
 * @param latest  the newest sample
 */
public record LagEvaluation(String group, GroupStatus status, String reason, GroupSample latest) {
}
