package fi.palaute.adapters.http.erasure;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.BearerAuthentication;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.application.port.in.erasure.EraseCustomerSurveyDataUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Set;

/** An admin erases a customer's survey data on request; the prohibition and its history stay. */
public final class ErasureRoutes {

    public static final String SURVEY_DATA = "/api/v1/customers/{customerId}/survey-data";

    private final EraseCustomerSurveyDataUseCase erase;

    public ErasureRoutes(EraseCustomerSurveyDataUseCase erase) {
        this.erase = Objects.requireNonNull(erase);
    }

    public void register(RoutesConfig routes) {
        routes.delete(SURVEY_DATA, this::erase, RequiredRole.anyOf(Role.ADMIN));
    }

    record Erased(int invitationsRemoved) {
    }

    private void erase(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        CustomerId customer = RequestParams.path(ctx, "customerId", CustomerId::new);
        EraseCustomerSurveyDataUseCase.Outcome outcome = erase.erase(
                new EraseCustomerSurveyDataUseCase.Command(customer, BearerAuthentication.caller(ctx).keyId()));
        StrictJson.write(ctx, 200, new Erased(outcome.invitationsRemoved()));
    }
}
