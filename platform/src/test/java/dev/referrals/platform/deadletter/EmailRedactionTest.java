package dev.referrals.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailRedactionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ana@example.com                                  | a***@example.com",
            "{\"email\": \"ana.lopez+jobs@mail.example.org\"}   | {\"email\": \"a***@mail.example.org\"}",
            "to ben@b.example, nor to carla@c.example          | to b***@b.example, nor to c***@c.example",
            "x@example.test                                   | x***@example.test",
            "no address here: @handle, user@localhost          | no address here: @handle, user@localhost",
            "https://marketplace.example/freelancers/ben       | https://marketplace.example/freelancers/ben"})
    void everyEmailAddressKeepsOnlyItsFirstCharacterAndItsDomain(String text, String redacted) {
        assertThat(EmailRedaction.apply(text)).isEqualTo(redacted);
    }

    @Test
    void anAbsentTextStaysAbsent() {
        assertThat(EmailRedaction.apply(null)).isNull();
    }
}
