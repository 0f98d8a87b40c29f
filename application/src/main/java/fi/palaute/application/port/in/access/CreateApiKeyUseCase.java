package fi.palaute.application.port.in.access;

/** Makes a key and hands back its text once; only its hash is kept. */
@FunctionalInterface
public interface CreateApiKeyUseCase {

    IssuedApiKey create(CreateApiKeyCommand command);
}
