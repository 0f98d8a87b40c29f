package fi.palaute.adapters.http.followup;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.followup.CloseFollowUpUseCase;
import fi.palaute.application.port.in.followup.ListFollowUpsQuery;
import fi.palaute.application.port.in.followup.ListFollowUpsUseCase;
import fi.palaute.application.port.in.followup.ShowFollowUpUseCase;
import fi.palaute.application.port.in.followup.TakeFollowUpUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.survey.Channel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * R-FOLLOWUP: a channel's team lists the detractors who allowed contact, takes one and closes it with an outcome.
 * Admin keys only: a follow-up names the customer.
 */
public final class FollowUpRoutes {

    public static final String FOLLOW_UPS = "/api/v1/follow-ups";
    public static final String FOLLOW_UP = FOLLOW_UPS + "/{followUpId}";
    static final int DEFAULT_LIMIT = 100;
    private static final RouteRole[] ADMIN = RequiredRole.anyOf(Role.ADMIN);

    private final ListFollowUpsUseCase list;
    private final ShowFollowUpUseCase show;
    private final TakeFollowUpUseCase take;
    private final CloseFollowUpUseCase close;

    public FollowUpRoutes(ListFollowUpsUseCase list, ShowFollowUpUseCase show, TakeFollowUpUseCase take,
            CloseFollowUpUseCase close) {
        this.list = Objects.requireNonNull(list);
        this.show = Objects.requireNonNull(show);
        this.take = Objects.requireNonNull(take);
        this.close = Objects.requireNonNull(close);
    }

    public void register(RoutesConfig routes) {
        routes.get(FOLLOW_UPS, this::list, ADMIN);
        routes.get(FOLLOW_UP, this::show, ADMIN);
        routes.post(FOLLOW_UP, this::act, ADMIN);
    }

    private void list(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of("channel", "state", "after", "limit"));
        Optional<Channel> channel = RequestParams.query(ctx, "channel")
                .map(raw -> RequestParams.enumValue("query.channel", raw, Channel.class));
        Optional<FollowUpState> state = RequestParams.query(ctx, "state")
                .map(raw -> RequestParams.enumValue("query.state", raw, FollowUpState.class));
        Optional<String> after = RequestParams.after(ctx);
        int limit = RequestParams.limit(ctx, ListFollowUpsQuery.MAX_LIMIT, DEFAULT_LIMIT);
        ListFollowUpsUseCase.Page page = list.list(new ListFollowUpsQuery(channel, state, after, limit));
        StrictJson.write(ctx, 200, new FollowUpDtos.FollowUpPage(
                page.followUps().stream().map(FollowUpDtos.FollowUpJson::of).toList(), page.next().orElse(null)));
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        StrictJson.write(ctx, 200, show.show(followUpId(ctx)).map(FollowUpDtos.FollowUpJson::of)
                .orElseThrow(FollowUpRoutes::notFound));
    }

    /** {@code TAKE} or {@code CLOSE}; each refuses the other's member, so a request means one thing only. */
    private void act(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        var body = StrictJson.readBody(ctx, FollowUpDtos.ActionBody.class);
        FollowUpDtos.Action action = RequestParams.required("body.action", body.action());
        if (action == FollowUpDtos.Action.TAKE) {
            refuse("body.outcome", body.outcome(), "must be left out when taking");
            String agentText = RequestParams.required("body.agentId", body.agentId());
            AgentId agent = RequestParams.valid("body.agentId", () -> new AgentId(agentText));
            takeIt(ctx, agent);
        } else {
            refuse("body.agentId", body.agentId(), "must be left out when closing");
            FollowUpOutcome outcome = RequestParams.required("body.outcome", body.outcome());
            closeIt(ctx, outcome);
        }
    }

    private void takeIt(Context ctx, AgentId agent) {
        TakeFollowUpUseCase.Result result = take.take(followUpId(ctx), agent);
        if (result instanceof TakeFollowUpUseCase.Taken taken) {
            StrictJson.write(ctx, 200, FollowUpDtos.FollowUpJson.of(taken.followUp()));
        } else if (result instanceof TakeFollowUpUseCase.NotFound) {
            throw notFound();
        } else if (result instanceof TakeFollowUpUseCase.NotOpen notOpen) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, "The follow-up is " + notOpen.state()
                    + "; only an OPEN follow-up can be taken. Nothing was changed."));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void closeIt(Context ctx, FollowUpOutcome outcome) {
        CloseFollowUpUseCase.Result result = close.close(followUpId(ctx), outcome);
        if (result instanceof CloseFollowUpUseCase.Closed closed) {
            StrictJson.write(ctx, 200, FollowUpDtos.FollowUpJson.of(closed.followUp()));
        } else if (result instanceof CloseFollowUpUseCase.NotFound) {
            throw notFound();
        } else if (result instanceof CloseFollowUpUseCase.AlreadyEnded ended) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, "The follow-up is " + ended.state()
                    + "; only an OPEN or TAKEN follow-up can be closed. Nothing was changed."));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private static void refuse(String where, Object value, String reason) {
        if (value != null) {
            throw ProblemException.invalid(where, reason);
        }
    }

    /** The id as it came: one that could never be an id finds nothing, as an unknown one does. */
    private static String followUpId(Context ctx) {
        return ctx.pathParam("followUpId");
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND));
    }
}
