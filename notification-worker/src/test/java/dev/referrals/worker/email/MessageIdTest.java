package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.mail.Session;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageIdTest {

    private static final String DOMAIN = "referrals.example.test";

    @Test
    void isTheReferralIdThenTheRoleAtTheConfiguredDomain() {
        String referralId = "3f2b8c1e-7a4d-4e2b-9c1a-0d5e6f7a8b9c";

        assertThat(MessageId.of(referralId, Role.REFEREE, DOMAIN).value())
                .isEqualTo("<3f2b8c1e-7a4d-4e2b-9c1a-0d5e6f7a8b9c.referee@referrals.example.test>");
        assertThat(MessageId.of(referralId, Role.CLIENT, DOMAIN).value())
                .isEqualTo("<3f2b8c1e-7a4d-4e2b-9c1a-0d5e6f7a8b9c.client@referrals.example.test>");
    }

    @Test
    void theSameReferralAndRoleAlwaysGiveTheSameId() {
        assertThat(MessageId.of("r-1", Role.CLIENT, DOMAIN)).isEqualTo(MessageId.of("r-1", Role.CLIENT, DOMAIN));
        assertThat(MessageId.of("r-1", Role.CLIENT, DOMAIN)).isNotEqualTo(MessageId.of("r-1", Role.REFEREE, DOMAIN));
    }

    @Test
    void charactersAMessageIdCannotHoldArePercentEncodedSoDistinctIdsStayDistinct() {
        assertThat(MessageId.of("a.b@c> d", Role.REFEREE, DOMAIN).value())
                .isEqualTo("<a%2Eb%40c%3E%20d.referee@referrals.example.test>");
        assertThat(MessageId.of("a%2E", Role.REFEREE, DOMAIN))
                .isNotEqualTo(MessageId.of("a.", Role.REFEREE, DOMAIN));
    }

    @Test
    void aDomainThatIsNotADomainIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of("r-1", Role.CLIENT, "bad domain>"));
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of("r-1", Role.CLIENT, "a..b"));
    }

    @Test
    void aSavedMessageKeepsItsDeterministicIdWhereJavaMailWouldMakeARandomOne() throws Exception {
        MessageId id = MessageId.of("r-1", Role.REFEREE, DOMAIN);
        FixedMessageIdMimeMessage message = new FixedMessageIdMimeMessage(Session.getInstance(new Properties()), id);
        message.setText("hello");

        message.saveChanges();
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo("<r-1.referee@referrals.example.test>");
    }
}
