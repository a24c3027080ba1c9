package dev.referrals.processor.decision;

import dev.referrals.events.RejectionReason;
import dev.referrals.processor.ledger.LedgerTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/** The decision and referral tables, read by request id and written with JDBC batches. */
@Component
class JdbcDecisionStore implements DecisionStore {

    /** Referral status of a referral nobody has answered yet. */
    static final String OPEN_REFERRAL = "PENDING";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcDecisionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ReferralDecision> findByRequestIds(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                        select request_id, outcome, job_id, client_id, invitation_id, referrer_id, message, reason,
                               rule, referral_id, referee_id, decided_at
                          from decision
                         where request_id = any(:requestIds)
                        """,
                        new MapSqlParameterSource("requestIds", requestIds.toArray(String[]::new)),
                        (row, i) -> decision(row))
                .stream()
                .collect(Collectors.toMap(ReferralDecision::requestId, Function.identity()));
    }

    @Override
    public List<ReferralDecision> findUnpublished(Instant decidedBefore, int limit) {
        return jdbc.query("""
                        select request_id, outcome, job_id, client_id, invitation_id, referrer_id, message, reason,
                               rule, referral_id, referee_id, decided_at
                          from decision
                         where published_at is null and decided_at < :decidedBefore
                         order by decided_at
                         limit :limit
                        """,
                new MapSqlParameterSource("decidedBefore", LedgerTime.column(decidedBefore)).addValue("limit", limit),
                (row, i) -> decision(row));
    }

    @Override
    public void markPublished(Collection<String> requestIds, Instant acknowledgedAt) {
        if (requestIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                        update decision set published_at = :acknowledgedAt
                         where request_id = any(:requestIds) and published_at is null
                        """,
                new MapSqlParameterSource("requestIds", requestIds.toArray(String[]::new))
                        .addValue("acknowledgedAt", LedgerTime.column(acknowledgedAt)));
    }

    @Override
    public void saveAll(List<ReferralDecision> decisions) {
        insertAll("""
                insert into referral (referral_id, request_id, job_id, referrer_id, referee_id, status, created_at)
                values (:referralId, :requestId, :jobId, :referrerId, :refereeId, :status, :createdAt)
                """, decisions.stream().filter(ReferralDecision::created).map(JdbcDecisionStore::referralRow));
        insertAll("""
                insert into decision (request_id, outcome, job_id, client_id, invitation_id, referrer_id, message,
                                      reason, rule, referral_id, referee_id, decided_at)
                values (:requestId, :outcome, :jobId, :clientId, :invitationId, :referrerId, :message,
                        :reason, :rule, :referralId, :refereeId, :decidedAt)
                """, decisions.stream().map(JdbcDecisionStore::decisionRow));
        insertAll("""
                insert into declined_invitation (job_id, invitation_id, referrer_id, request_id)
                values (:jobId, :invitationId, :referrerId, :requestId)
                """, decisions.stream().filter(ReferralDecision::declinesTheInvitation)
                .map(JdbcDecisionStore::declinedInvitationRow));
    }

    /** One JDBC batch of the rows, in order; none at all when there are no rows. */
    private void insertAll(String insert, Stream<SqlParameterSource> rows) {
        SqlParameterSource[] batch = rows.toArray(SqlParameterSource[]::new);
        if (batch.length > 0) {
            jdbc.batchUpdate(insert, batch);
        }
    }

    private static SqlParameterSource declinedInvitationRow(ReferralDecision decision) {
        return new MapSqlParameterSource()
                .addValue("jobId", decision.jobId())
                .addValue("invitationId", decision.invitationId())
                .addValue("referrerId", decision.referrerId())
                .addValue("requestId", decision.requestId());
    }

    private static SqlParameterSource referralRow(ReferralDecision decision) {
        return new MapSqlParameterSource()
                .addValue("referralId", decision.referralId())
                .addValue("requestId", decision.requestId())
                .addValue("jobId", decision.jobId())
                .addValue("referrerId", decision.referrerId())
                .addValue("refereeId", decision.refereeId())
                .addValue("status", OPEN_REFERRAL)
                .addValue("createdAt", LedgerTime.column(decision.decidedAt()));
    }

    private static SqlParameterSource decisionRow(ReferralDecision decision) {
        return new MapSqlParameterSource()
                .addValue("requestId", decision.requestId())
                .addValue("outcome", decision.outcome().name())
                .addValue("jobId", decision.jobId())
                .addValue("clientId", decision.clientId())
                .addValue("invitationId", decision.invitationId())
                .addValue("referrerId", decision.referrerId())
                .addValue("message", decision.message())
                .addValue("reason", decision.reason() == null ? null : decision.reason().name())
                .addValue("rule", decision.rule())
                .addValue("referralId", decision.referralId())
                .addValue("refereeId", decision.refereeId())
                .addValue("decidedAt", LedgerTime.column(decision.decidedAt()));
    }

    private static ReferralDecision decision(ResultSet row) throws SQLException {
        String reason = row.getString("reason");
        return new ReferralDecision(
                row.getString("request_id"),
                ReferralDecision.Outcome.valueOf(row.getString("outcome")),
                row.getString("job_id"),
                row.getString("client_id"),
                row.getString("invitation_id"),
                row.getString("referrer_id"),
                row.getString("message"),
                reason == null ? null : RejectionReason.valueOf(reason),
                row.getString("rule"),
                row.getString("referral_id"),
                row.getString("referee_id"),
                LedgerTime.read(row, "decided_at"));
    }
}
