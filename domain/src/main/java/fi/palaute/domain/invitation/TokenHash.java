package fi.palaute.domain.invitation;

import java.util.Objects;
import java.util.regex.Pattern;

/** The SHA-256 of a survey token, in lower-case hex: what is stored instead of the token. */
public record TokenHash(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
    }
}
