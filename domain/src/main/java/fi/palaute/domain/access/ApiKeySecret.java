package fi.palaute.domain.access;

import fi.palaute.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret a client presents as its bearer key: 256 random bits, base64url. Only its SHA-256 is ever stored;
 * the plain text lives in this object just long enough to be shown once. {@link #toString()} never shows it.
 */
public final class ApiKeySecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "pal_";

    private final String plainText;

    private ApiKeySecret(String plainText) {
        this.plainText = plainText;
    }

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Wraps a presented key to hash it; the text is never checked for shape, so every wrong key fails alike. */
    public static ApiKeySecret presented(String plainText) {
        return new ApiKeySecret(Objects.requireNonNull(plainText, "plainText"));
    }

    public String plainText() {
        return plainText;
    }

    public ApiKeyHash hash() {
        return new ApiKeyHash(HexFormat.of().formatHex(Sha256.digest(plainText.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public String toString() {
        return "ApiKeySecret[hidden]";
    }
}
