package fi.palaute.domain.invitation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The OP Group company that is the controller of the customer relationship the event belongs to
 * (personuppgiftsansvarig), as the channel names it: a short code, reported on, never personal data.
 */
public record Controller(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Controller {
        Objects.requireNonNull(value, "controller");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("controller must be 1-64 letters, digits, '.', '-' or '_'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
