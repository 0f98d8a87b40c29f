package fi.palaute.application.port.in.access;

import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import java.util.Optional;

/** Finds the live key a client presented; empty for an unknown or revoked key, whatever was wrong with it. */
@FunctionalInterface
public interface AuthenticateApiKeyUseCase {

    Optional<ApiKey> authenticate(ApiKeySecret presented);
}
