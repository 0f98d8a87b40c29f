package fi.palaute.application.port.in.access;

import java.util.List;

/**
 * Demo mode: one key per role, made only when the database has no keys at all, so a restart makes none.
 * Returns the keys made now, or nothing.
 */
@FunctionalInterface
public interface ProvisionDemoKeysUseCase {

    List<IssuedApiKey> provisionIfEmpty();
}
