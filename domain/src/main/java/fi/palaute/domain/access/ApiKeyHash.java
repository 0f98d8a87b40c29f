package fi.palaute.domain.access;

import java.util.Objects;
import java.util.regex.Pattern;

/** The SHA-256 of a key, lower-case hex: the only form in which a key is stored. */
public record ApiKeyHash(String hex) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKeyHash {
        Objects.requireNonNull(hex, "hex");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a key hash is 64 lower-case hex digits");
        }
    }
}
