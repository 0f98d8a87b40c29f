package fi.palaute.domain.access;

import fi.palaute.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret in an analyst's dashboard session cookie: 256 random bits, base64url, made when a key is exchanged for
 * a session. Only {@link #hash()} is stored, so the database holds nothing that opens a session; the key itself is
 * never kept in the cookie or a URL. {@link #toString()} never shows it.
 */
public final class SessionSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;

    private SessionSecret(String text) {
        this.text = text;
    }

    public static SessionSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SessionSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A secret from a cookie, to hash and look up; its shape is not checked, so every wrong one fails alike. */
    public static SessionSecret presented(String text) {
        return new SessionSecret(Objects.requireNonNull(text, "text"));
    }

    public String text() {
        return text;
    }

    public SessionHash hash() {
        return new SessionHash(HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public String toString() {
        return "SessionSecret[hidden]";
    }
}
