package fi.palaute.domain.access;

import java.util.Objects;
import java.util.regex.Pattern;

/** A survey partner (data processor). Partner keys are bound to exactly one. */
public record PartnerId(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public PartnerId {
        Objects.requireNonNull(value, "partnerId");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("partnerId must be 1-64 letters, digits, '-' or '_'");
        }
    }
}
