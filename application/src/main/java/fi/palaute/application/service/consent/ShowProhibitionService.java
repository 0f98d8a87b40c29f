package fi.palaute.application.service.consent;

import fi.palaute.application.port.in.consent.ShowProhibitionUseCase;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import java.util.Objects;
import java.util.Optional;

public final class ShowProhibitionService implements ShowProhibitionUseCase {

    private final ProhibitionRepository prohibitions;

    public ShowProhibitionService(ProhibitionRepository prohibitions) {
        this.prohibitions = Objects.requireNonNull(prohibitions);
    }

    @Override
    public Optional<Prohibition> show(CustomerId customerId) {
        return prohibitions.find(customerId);
    }
}
