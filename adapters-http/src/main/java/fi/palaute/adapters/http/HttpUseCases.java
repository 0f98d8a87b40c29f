package fi.palaute.adapters.http;

import fi.palaute.application.port.in.access.AuthenticateApiKeyUseCase;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetUseCase;
import fi.palaute.application.port.in.access.ListApiKeysUseCase;
import fi.palaute.application.port.in.consent.LiftProhibitionUseCase;
import fi.palaute.application.port.in.consent.SetProhibitionUseCase;
import fi.palaute.application.port.in.consent.ShowProhibitionHistoryUseCase;
import fi.palaute.application.port.in.consent.ShowProhibitionUseCase;
import fi.palaute.application.port.in.health.CheckHealthUseCase;
import java.util.Objects;

/** Every use case the HTTP adapter serves: the adapter sees these interfaces and nothing behind them. */
public record HttpUseCases(
        AuthenticateApiKeyUseCase authenticateApiKey,
        ListApiKeysUseCase listApiKeys,
        ChangeApiKeyBudgetUseCase changeApiKeyBudget,
        SetProhibitionUseCase setProhibition,
        LiftProhibitionUseCase liftProhibition,
        ShowProhibitionUseCase showProhibition,
        ShowProhibitionHistoryUseCase showProhibitionHistory,
        CheckHealthUseCase checkHealth) {

    public HttpUseCases {
        Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
        Objects.requireNonNull(listApiKeys, "listApiKeys");
        Objects.requireNonNull(changeApiKeyBudget, "changeApiKeyBudget");
        Objects.requireNonNull(setProhibition, "setProhibition");
        Objects.requireNonNull(liftProhibition, "liftProhibition");
        Objects.requireNonNull(showProhibition, "showProhibition");
        Objects.requireNonNull(showProhibitionHistory, "showProhibitionHistory");
        Objects.requireNonNull(checkHealth, "checkHealth");
    }
}
