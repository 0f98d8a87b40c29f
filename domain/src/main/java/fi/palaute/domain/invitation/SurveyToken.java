package fi.palaute.domain.invitation;

import fi.palaute.domain.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret in a customer's survey link (R-NOLOGIN): 256 random bits, base64url without padding (43 characters).
 * Made when the invitation is handed over and returned that once; only {@link #hash()} is stored, so the database
 * holds nothing that opens a survey. {@link #toString()} never shows it.
 */
public final class SurveyToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private final String text;

    private SurveyToken(String text) {
        this.text = text;
    }

    public static SurveyToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SurveyToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token from a link, to hash and look up; its shape is not checked, so every wrong token fails alike. */
    public static SurveyToken presented(String text) {
        return new SurveyToken(Objects.requireNonNull(text, "text"));
    }

    public String text() {
        return text;
    }

    public TokenHash hash() {
        return new TokenHash(HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public String toString() {
        return "SurveyToken[hidden]";
    }
}
