package fi.palaute.application.port.in.access;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import java.util.Objects;

/** A key just made: what is stored, and the secret to show once and then forget. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
