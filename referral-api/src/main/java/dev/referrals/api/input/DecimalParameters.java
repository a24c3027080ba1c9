package dev.referrals.api.input;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A number in a query parameter ({@code page}, {@code size}) is decimal digits with an optional minus, untrimmed,
 * and anything else (spaces and NUL included) is a 400 naming the parameter. Spring alone reads {@code 0x10} and
 * {@code #10} as 16 (its default number editor decodes them, and it falls back to that editor when a converter
 * refuses), so the editor is replaced here.
 */
@ControllerAdvice
class DecimalParameters {

    private static final Pattern DECIMAL_INTEGER = Pattern.compile("-?[0-9]+");

    @InitBinder
    void decimalIntegersOnly(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new DecimalIntegerEditor());
    }

    private static final class DecimalIntegerEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null); // "?size=" means not given, as with Spring's own editor
            } else if (DECIMAL_INTEGER.matcher(text).matches()) {
                setValue(Integer.valueOf(text)); // too many digits for an int: NumberFormatException, a 400 too
            } else {
                throw new IllegalArgumentException("not a decimal integer");
            }
        }
    }
}
