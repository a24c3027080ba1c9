package dev.referrals.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one id format: 1 to 128 printable characters, no whitespace, no control or format characters. */
class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"job-42", "f4f637b0-f8a0-3a32-af9b-6cef0b8853ed", "a", "client_7:eu/acme", "Jörg-Ærø",
            "\uD83D\uDE00x", "%41", "1234567890"})
    void printableTextWithoutWhitespaceIsAnId(String id) {
        assertThat(Ids.problem(id)).isEmpty();
    }

    @Test
    void anIdOfExactly128CharactersIsAnIdEvenWhenCharactersTakeTwoCodeUnits() {
        assertThat(Ids.problem("x".repeat(Ids.MAX_LENGTH))).isEmpty();
        assertThat(Ids.problem("\uD83D\uDE00".repeat(Ids.MAX_LENGTH))).isEmpty();
    }

    @Test
    void anIdOf129CharactersIsNot() {
        assertThat(Ids.problem("x".repeat(Ids.MAX_LENGTH + 1))).contains(Ids.FORMAT);
        assertThat(Ids.problem("x".repeat(70_000))).contains(Ids.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "job 42", " job", "job\t", "job\u0000", "job\r\nX-Injected: 1", "job\n",
            "\u001B[31mred", "job\u007F", "job\u0085", "job\u00A0", "job\u2028", "job\u200B", "job\u202Eevil",
            "job\uFEFF", "job\uD800", "\uDC00job", "job\uE000", "job\u3000"})
    void whitespaceControlFormatAndLoneSurrogatesAreRefused(String id) {
        assertThat(Ids.problem(id)).contains(Ids.FORMAT);
    }

    @Test
    void noIdIsRequired() {
        assertThat(Ids.problem(null)).contains("is required");
    }

    @Test
    void checkNamesTheField() {
        List<FieldViolation> violations = new ArrayList<>();

        Ids.check("jobId", "a b", violations);
        Ids.check("clientId", "c", violations);

        assertThat(violations).containsExactly(new FieldViolation("jobId", Ids.FORMAT));
    }
}
