package fi.palaute.application.service.access;

import fi.palaute.application.port.in.access.AuthenticateApiKeyUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import java.util.Objects;
import java.util.Optional;

public final class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;

    public AuthenticateApiKeyService(ApiKeyRepository keys) {
        this.keys = Objects.requireNonNull(keys);
    }

    @Override
    public Optional<ApiKey> authenticate(ApiKeySecret presented) {
        // Looked up by hash: the stored form is a SHA-256 of 256 random bits, so equality is all that is needed.
        return keys.findByHash(presented.hash());
    }
}
