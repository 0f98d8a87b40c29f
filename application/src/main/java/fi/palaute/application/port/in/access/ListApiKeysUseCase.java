package fi.palaute.application.port.in.access;

import fi.palaute.domain.access.ApiKey;
import java.util.List;

/** The keys that exist, oldest first. Hashes are never shown outside this process. */
@FunctionalInterface
public interface ListApiKeysUseCase {

    List<ApiKey> list();
}
