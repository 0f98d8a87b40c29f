package fi.palaute.domain.access;

import java.util.Objects;
import java.util.regex.Pattern;

/** The SHA-256 of a session secret, in lower-case hex: what is stored instead of the secret. */
public record SessionHash(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public SessionHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a session hash is 64 lower-case hex digits");
        }
    }
}
