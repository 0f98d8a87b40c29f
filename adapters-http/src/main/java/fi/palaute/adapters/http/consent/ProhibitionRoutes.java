package fi.palaute.adapters.http.consent;

import static fi.palaute.adapters.http.access.BearerAuthentication.caller;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.application.port.in.consent.LiftProhibitionCommand;
import fi.palaute.application.port.in.consent.LiftProhibitionUseCase;
import fi.palaute.application.port.in.consent.SetProhibitionCommand;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionUseCase;
import fi.palaute.application.port.in.consent.ShowProhibitionHistoryUseCase;
import fi.palaute.application.port.in.consent.ShowProhibitionUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProfileChannel;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.consent.ProhibitionActor.LiftingActor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * R-OPTOUT over HTTP. Customer service names its agent; the My Profile back end names the app or op.fi, and
 * its changes are recorded with source MY_PROFILE. The caller's role decides which body it must send.
 */
public final class ProhibitionRoutes {

    public static final String PROHIBITION = "/api/v1/customers/{customerId}/prohibition";
    public static final String HISTORY = PROHIBITION + "/history";
    private static final RouteRole[] WHO = RequiredRole.anyOf(Role.CUSTOMER_SERVICE, Role.SELF_SERVICE);

    private final SetProhibitionUseCase setProhibition;
    private final LiftProhibitionUseCase liftProhibition;
    private final ShowProhibitionUseCase showProhibition;
    private final ShowProhibitionHistoryUseCase showHistory;

    public ProhibitionRoutes(
            SetProhibitionUseCase setProhibition,
            LiftProhibitionUseCase liftProhibition,
            ShowProhibitionUseCase showProhibition,
            ShowProhibitionHistoryUseCase showHistory) {
        this.setProhibition = Objects.requireNonNull(setProhibition);
        this.liftProhibition = Objects.requireNonNull(liftProhibition);
        this.showProhibition = Objects.requireNonNull(showProhibition);
        this.showHistory = Objects.requireNonNull(showHistory);
    }

    public void register(RoutesConfig routes) {
        routes.put(PROHIBITION, this::set, WHO);
        routes.delete(PROHIBITION, this::lift, WHO);
        routes.get(PROHIBITION, this::show, WHO);
        routes.get(HISTORY, this::history, WHO);
    }

    private void set(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        CustomerId customerId = customerId(ctx);
        ProhibitionActor by = settingActor(ctx);
        SetProhibitionResult result = setProhibition.set(new SetProhibitionCommand(customerId, by));
        if (result instanceof SetProhibitionResult.NewlySet) {
            StrictJson.write(ctx, 201, ProhibitionDtos.ProhibitionStatus.of(result.prohibition()));
        } else if (result instanceof SetProhibitionResult.AlreadySet) {
            StrictJson.write(ctx, 200, ProhibitionDtos.ProhibitionStatus.of(result.prohibition()));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void lift(Context ctx) {
        CustomerId customerId = customerId(ctx);
        LiftingActor by = liftingActor(ctx);
        liftProhibition.lift(new LiftProhibitionCommand(customerId, by));
        // Lifted or not set before: either way the customer now allows surveys.
        StrictJson.write(ctx, 200, ProhibitionDtos.ProhibitionStatus.of(customerId, Optional.empty()));
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        CustomerId customerId = customerId(ctx);
        StrictJson.write(ctx, 200, ProhibitionDtos.ProhibitionStatus.of(customerId, showProhibition.show(customerId)));
    }

    private void history(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        CustomerId customerId = customerId(ctx);
        StrictJson.write(ctx, 200, ProhibitionDtos.ProhibitionHistoryView.of(showHistory.history(customerId)));
    }

    private static CustomerId customerId(Context ctx) {
        return RequestParams.path(ctx, "customerId", CustomerId::new);
    }

    private static ProhibitionActor settingActor(Context ctx) {
        Role role = caller(ctx).role();
        if (role == Role.CUSTOMER_SERVICE) {
            var request = StrictJson.readBody(ctx, ProhibitionDtos.CustomerServiceSetRequest.class);
            return new ProhibitionActor.CustomerServiceAgent(agentId("body.agentId", request.agentId()));
        }
        if (role == Role.SELF_SERVICE) {
            var request = StrictJson.readBody(ctx, ProhibitionDtos.SelfServiceSetRequest.class);
            if (request.channel() == null) {
                throw ProblemException.invalid("body.channel", "is required: MOBILE or WEB");
            }
            return new ProhibitionActor.MyProfile(request.channel());
        }
        throw new IllegalStateException("route allows a role it cannot serve: " + role);
    }

    private static LiftingActor liftingActor(Context ctx) {
        Role role = caller(ctx).role();
        if (role == Role.CUSTOMER_SERVICE) {
            RequestParams.allowOnlyQuery(ctx, Set.of("agentId"));
            return new ProhibitionActor.CustomerServiceAgent(agentId("query.agentId", ctx.queryParam("agentId")));
        }
        if (role == Role.SELF_SERVICE) {
            RequestParams.allowOnlyQuery(ctx, Set.of("channel"));
            String channel = ctx.queryParam("channel");
            return new ProhibitionActor.MyProfile(channel == null ? Optional.empty()
                    : Optional.of(RequestParams.enumValue("query.channel", channel, ProfileChannel.class)));
        }
        throw new IllegalStateException("route allows a role it cannot serve: " + role);
    }

    private static AgentId agentId(String where, String raw) {
        if (raw == null) {
            throw ProblemException.invalid(where, "is required for customer service");
        }
        return RequestParams.parse(where, raw, AgentId::new);
    }
}
