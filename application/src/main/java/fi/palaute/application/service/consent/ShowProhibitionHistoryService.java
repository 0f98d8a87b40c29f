package fi.palaute.application.service.consent;

import fi.palaute.application.port.in.consent.ShowProhibitionHistoryUseCase;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionHistory;
import java.util.Objects;

public final class ShowProhibitionHistoryService implements ShowProhibitionHistoryUseCase {

    private final ProhibitionHistoryRepository history;

    public ShowProhibitionHistoryService(ProhibitionHistoryRepository history) {
        this.history = Objects.requireNonNull(history);
    }

    @Override
    public ProhibitionHistory history(CustomerId customerId) {
        return new ProhibitionHistory(customerId, history.findByCustomer(customerId));
    }
}
