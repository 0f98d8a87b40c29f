package fi.palaute.domain.consent;

import fi.palaute.domain.personaldata.PersonalIdentityNumbers;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bank's opaque customer number. Never a personal identity number: the notice promises the service never
 * asks for one, so a value that is a valid one is refused even though it would fit the character rules.
 */
public record CustomerId(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public CustomerId {
        Objects.requireNonNull(value, "customerId");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "customerId must be 1-" + MAX_LENGTH + " letters, digits, '-' or '_'");
        }
        if (PersonalIdentityNumbers.isValid(value)) {
            throw new IllegalArgumentException(
                    "customerId must be the bank's customer number, never a personal identity number");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
