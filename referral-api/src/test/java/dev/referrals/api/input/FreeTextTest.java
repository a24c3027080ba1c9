package dev.referrals.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text keeps line breaks, tabs and any printable character, and refuses every other control character. */
class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Ana built two of these.", "line one\nline two", "line one\r\nline two", "a\tb",
            "Grüße, 你好 \uD83D\uDE00", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "<b>&amp;</b>"})
    void printableTextLineBreaksAndTabsAreAllowed(String text) {
        assertThat(FreeText.allowed(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "\u001B[31mred", "lone\rCR", "end\r", "del\u007F",
            "c1\u0085", "c1\u009B31m", "lone\uD800", "\uDC00lone", "form\u000Cfeed", "vt\u000B"})
    void otherControlCharactersAndLoneSurrogatesAreRefused(String text) {
        assertThat(FreeText.allowed(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "bad\u0000"})
    void checkNamesTheFieldOnlyWhenTheTextIsRefused(String text) {
        List<FieldViolation> violations = new ArrayList<>();

        FreeText.check("referral.message", text, violations);
        FreeText.check("reasonText", null, violations);

        assertThat(violations).hasSize(text.equals("ok") ? 0 : 1)
                .allSatisfy(violation -> assertThat(violation.field()).isEqualTo("referral.message"));
    }
}
