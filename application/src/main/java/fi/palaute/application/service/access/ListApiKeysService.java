package fi.palaute.application.service.access;

import fi.palaute.application.port.in.access.ListApiKeysUseCase;
import fi.palaute.application.port.out.ApiKeyRepository;
import fi.palaute.domain.access.ApiKey;
import java.util.List;
import java.util.Objects;

public final class ListApiKeysService implements ListApiKeysUseCase {

    private final ApiKeyRepository keys;

    public ListApiKeysService(ApiKeyRepository keys) {
        this.keys = Objects.requireNonNull(keys);
    }

    @Override
    public List<ApiKey> list() {
        return keys.findAll();
    }
}
