package dev.referrals.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The id and free-text formats as properties over generated text (jqwik): printable text is an id up to the limit,
 * and one forbidden character anywhere makes any text no id and no acceptable free text.
 */
class IdsPropertiesTest {

    @Property
    void printableAsciiWithoutSpacesUpToTheLimitIsAnId(
            @ForAll @StringLength(min = 1, max = Ids.MAX_LENGTH) String candidate) {
        String id = candidate.chars().map(c -> '!' + Math.floorMod(c, '~' - '!' + 1))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(Ids.problem(id)).isEmpty();
    }

    @Property
    void oneControlCharacterAnywhereMakesAnyTextNoId(@ForAll("withAControlCharacter") String text) {
        assertThat(Ids.problem(text)).contains(Ids.FORMAT);
    }

    @Property
    void oneControlCharacterOtherThanLineBreaksAndTabsMakesFreeTextRefused(
            @ForAll("withAControlCharacter") String text) {
        assertThat(FreeText.allowed(text)).isFalse();
    }

    @Property
    void printableTextWithLineBreaksAndTabsIsFreeText(@ForAll("printableWithLineBreaks") String text) {
        assertThat(FreeText.allowed(text)).isTrue();
    }

    @Provide
    Arbitrary<String> withAControlCharacter() {
        Arbitrary<String> around = Arbitraries.strings().alpha().numeric().ofMaxLength(40);
        Arbitrary<Character> control = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'),
                Arbitraries.chars().range('\u000B', '\u000C'), Arbitraries.chars().range('\u000E', '\u001F'),
                Arbitraries.chars().range('\u007F', '\u009F'));
        return Combinators.combine(around, control, around).as((before, c, after) -> before + c + after);
    }

    @Provide
    Arbitrary<String> printableWithLineBreaks() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
                Arbitraries.strings().withChars("abc \t\näöü你好").ofMaxLength(60),
                Arbitraries.strings().alpha().ofMaxLength(20).list().ofMaxSize(5)
                        .map(lines -> String.join("\r\n", lines)));
    }
}
