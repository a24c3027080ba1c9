package dev.referrals.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailAuditTest {

    @Test
    void theWorkersMessageIdNamesTheReferralAndTheRole() {
        assertThat(MailAudit.parse("<4f1c2b9e-77aa-4c7e-9f00-1a2b3c4d5e6f.referee@referrals.localhost>"))
                .isEqualTo(new MailAudit.Email("4f1c2b9e-77aa-4c7e-9f00-1a2b3c4d5e6f", "referee"));
        assertThat(MailAudit.parse("<ref.with.dots.client@x.example>"))
                .isEqualTo(new MailAudit.Email("ref.with.dots", "client"));
        assertThat(MailAudit.parse("")).isEqualTo(new MailAudit.Email("", ""));
    }
}
