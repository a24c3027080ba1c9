package dev.referrals.processor.ledger;

import static dev.referrals.processor.Marketplace.activity;
import static dev.referrals.processor.Marketplace.emailOf;
import static dev.referrals.processor.Marketplace.freelancer;
import static dev.referrals.processor.Marketplace.job;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How upstream facts land in the ledger on redelivery and out of order, through the same code the listeners call:
 * only forward, each event once, erasure for good, and never an email address.
 */
@ProcessorIntegrationTest
class LedgerIT {

    private static final Duration EARLIER = Duration.ofMinutes(5);

    @Autowired
    private AccountLedger accounts;

    @Autowired
    private JobLedger jobs;

    @Autowired
    private JobActivityLedger activities;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anOlderAccountFactDoesNotOverwriteANewerOne() {
        Account current = freelancer(unique("ben"));
        Account older = Account.newBuilder(current).setStatus(AccountStatus.CLOSED)
                .setUpdatedAt(current.getUpdatedAt().minus(EARLIER)).build();

        accounts.record(current);
        accounts.record(older);
        accounts.record(current);

        assertThat(column("select status from account where account_id = ?", current.getAccountId()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void anOlderJobFactDoesNotOverwriteANewerOne() {
        Job closed = job(unique("job"), JobVisibility.PUBLIC, JobStatus.CLOSED);
        Job olderOpen = Job.newBuilder(closed).setStatus(JobStatus.OPEN)
                .setUpdatedAt(closed.getUpdatedAt().minus(EARLIER)).build();

        jobs.record(closed);
        jobs.record(olderOpen);

        assertThat(column("select status from job where job_id = ?", closed.getJobId())).isEqualTo("CLOSED");
    }

    @Test
    void anErasedAccountStaysErasedWhenAnOlderFactIsReplayed() {
        Account ben = freelancer(unique("ben"));
        accounts.record(ben);

        accounts.erase(ben.getAccountId());
        accounts.erase(ben.getAccountId());
        accounts.record(ben);

        assertThat(column("select coalesce(profile_url, 'none') from account where account_id = ?",
                ben.getAccountId())).isEqualTo("none");
        assertThat(column("select count(*)::text from account_email_fingerprint where account_id = ?",
                ben.getAccountId())).isEqualTo("0");
    }

    @Test
    void theLedgerKeepsTheKeyedEmailFingerprintAndTheNormalizedUrlButNeverTheAddress() {
        Account ben = Account.newBuilder(freelancer(unique("ben")))
                .setProfileUrl("https://WWW.marketplace.test/freelancers/Ben/?utm=x").build();

        accounts.record(ben);

        assertThat(column("select fingerprint from account_email_fingerprint where account_id = ? and key_id = ?",
                ben.getAccountId(), LocalFingerprintKey.KEY_ID))
                .isEqualTo(Marketplace.FINGERPRINT_KEYS.current(emailOf(ben.getAccountId())).value());
        assertThat(column("select profile_url from account where account_id = ?", ben.getAccountId()))
                .isEqualTo("https://marketplace.test/freelancers/Ben");
        assertThat(jdbc.sql("select count(*) from account where account_id = ? and row(account.*)::text like ?")
                .params(ben.getAccountId(), "%@%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from account_email_fingerprint f where account_id = ? and f::text like ?")
                .params(ben.getAccountId(), "%@%").query(Long.class).single()).isZero();
    }

    @Test
    void aRedeliveredActivityIsRecordedOnce() {
        JobActivity invited = activity(unique("job"), unique("ben"), JobActivityKind.INVITED);

        activities.record(invited);
        activities.record(invited);

        assertThat(jdbc.sql("select count(*) from job_activity where job_id = ?").param(invited.getJobId())
                .query(Long.class).single()).isEqualTo(1);
    }

    private String column(String query, Object... parameters) {
        return jdbc.sql(query).params(parameters).query(String.class).single();
    }
}
