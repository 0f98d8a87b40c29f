package fi.palaute.adapters.http;

import fi.palaute.application.port.in.access.AuthenticateApiKeyUseCase;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetUseCase;
import fi.palaute.application.port.in.access.ListApiKeysUseCase;
import fi.palaute.application.port.in.consent.LiftProhibitionUseCase;
import fi.palaute.application.port.in.consent.SetProhibitionUseCase;
import fi.palaute.application.port.in.consent.ShowProhibitionHistoryUseCase;
import fi.palaute.application.port.in.consent.ShowProhibitionUseCase;
import fi.palaute.application.port.in.health.CheckHealthUseCase;
import fi.palaute.application.port.in.invitation.RecordServiceEventsUseCase;
import fi.palaute.application.port.in.invitation.ShowFunnelUseCase;
import fi.palaute.application.port.in.invitation.StartStudyUseCase;
import fi.palaute.application.port.in.partner.CreatePartnerKeyUseCase;
import fi.palaute.application.port.in.partner.CreatePartnerUseCase;
import fi.palaute.application.port.in.partner.ListPartnerKeysUseCase;
import fi.palaute.application.port.in.partner.ListPartnersUseCase;
import fi.palaute.application.port.in.partner.RevokePartnerKeyUseCase;
import fi.palaute.application.port.in.partner.ShowPartnerUseCase;
import fi.palaute.application.port.in.survey.ChangeSurveyUseCase;
import fi.palaute.application.port.in.survey.CreateSurveyUseCase;
import fi.palaute.application.port.in.survey.ListSurveysUseCase;
import fi.palaute.application.port.in.survey.SaveTemplateUseCase;
import fi.palaute.application.port.in.survey.ShowSurveyUseCase;
import fi.palaute.application.port.in.survey.ShowTemplateUseCase;
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
        CheckHealthUseCase checkHealth,
        CreatePartnerUseCase createPartner,
        ListPartnersUseCase listPartners,
        ShowPartnerUseCase showPartner,
        CreatePartnerKeyUseCase createPartnerKey,
        ListPartnerKeysUseCase listPartnerKeys,
        RevokePartnerKeyUseCase revokePartnerKey,
        CreateSurveyUseCase createSurvey,
        ListSurveysUseCase listSurveys,
        ShowSurveyUseCase showSurvey,
        ChangeSurveyUseCase changeSurvey,
        SaveTemplateUseCase saveTemplate,
        ShowTemplateUseCase showTemplate,
        RecordServiceEventsUseCase recordServiceEvents,
        StartStudyUseCase startStudy,
        ShowFunnelUseCase showFunnel) {

    public HttpUseCases {
        Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
        Objects.requireNonNull(listApiKeys, "listApiKeys");
        Objects.requireNonNull(changeApiKeyBudget, "changeApiKeyBudget");
        Objects.requireNonNull(setProhibition, "setProhibition");
        Objects.requireNonNull(liftProhibition, "liftProhibition");
        Objects.requireNonNull(showProhibition, "showProhibition");
        Objects.requireNonNull(showProhibitionHistory, "showProhibitionHistory");
        Objects.requireNonNull(checkHealth, "checkHealth");
        Objects.requireNonNull(createPartner, "createPartner");
        Objects.requireNonNull(listPartners, "listPartners");
        Objects.requireNonNull(showPartner, "showPartner");
        Objects.requireNonNull(createPartnerKey, "createPartnerKey");
        Objects.requireNonNull(listPartnerKeys, "listPartnerKeys");
        Objects.requireNonNull(revokePartnerKey, "revokePartnerKey");
        Objects.requireNonNull(createSurvey, "createSurvey");
        Objects.requireNonNull(listSurveys, "listSurveys");
        Objects.requireNonNull(showSurvey, "showSurvey");
        Objects.requireNonNull(changeSurvey, "changeSurvey");
        Objects.requireNonNull(saveTemplate, "saveTemplate");
        Objects.requireNonNull(showTemplate, "showTemplate");
        Objects.requireNonNull(recordServiceEvents, "recordServiceEvents");
        Objects.requireNonNull(startStudy, "startStudy");
        Objects.requireNonNull(showFunnel, "showFunnel");
    }
}
