package fi.palaute.adapters.http.delivery;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.BearerAuthentication;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.delivery.ClaimInvitationsCommand;
import fi.palaute.application.port.in.delivery.ClaimInvitationsUseCase;
import fi.palaute.application.port.in.delivery.ListReadyInvitationsQuery;
import fi.palaute.application.port.in.delivery.ListReadyInvitationsUseCase;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ReadPartnerChangesUseCase;
import fi.palaute.application.port.in.delivery.ReadyInvitationsPage;
import fi.palaute.application.port.in.delivery.ReissueInvitationUseCase;
import fi.palaute.application.port.in.delivery.ReportDeliveryUseCase;
import fi.palaute.application.port.in.delivery.ShowPartnerInvitationUseCase;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.partner.DeliveryOutcome;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerInvitation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * R-PARTNER, R-PROCESSOR: the partner API. A partner key lists the invitations it must deliver, claims them (each
 * with a fresh link, shown that once), looks one up, has a lost link replaced, reports how delivery went, and reads
 * the feed of its invitations that ended. The partner is the one the key is bound to; nothing a request carries can
 * name another.
 * <p>
 * Asking for an invitation that is not this partner's answers exactly as for one that does not exist. So the id in
 * the path is not checked here: whatever it is (another partner's id, an unknown one, one that could never be an id)
 * it goes to the use case as it came, which answers "not found" for all of them alike and records the attempt in
 * the audit log. Every check the adapter makes before that (query, body) depends on the request alone, never on
 * the id, and no answer repeats the id.
 */
public final class PartnerDeliveryRoutes {

    public static final String PARTNER_API = "/api/v1/partner";
    public static final String INVITATIONS = PARTNER_API + "/invitations";
    public static final String CLAIM = INVITATIONS + "/claim";
    public static final String INVITATION = INVITATIONS + "/{invitationId}";
    public static final String REISSUE = INVITATION + "/reissue";
    public static final String DELIVERY = INVITATION + "/delivery";
    public static final String CHANGES = PARTNER_API + "/changes";
    static final int DEFAULT_LIMIT = 100;
    private static final RouteRole[] PARTNER = RequiredRole.anyOf(Role.PARTNER);

    private final ListReadyInvitationsUseCase listReady;
    private final ClaimInvitationsUseCase claim;
    private final ShowPartnerInvitationUseCase show;
    private final ReissueInvitationUseCase reissue;
    private final ReportDeliveryUseCase reportDelivery;
    private final ReadPartnerChangesUseCase readChanges;

    public PartnerDeliveryRoutes(
            ListReadyInvitationsUseCase listReady,
            ClaimInvitationsUseCase claim,
            ShowPartnerInvitationUseCase show,
            ReissueInvitationUseCase reissue,
            ReportDeliveryUseCase reportDelivery,
            ReadPartnerChangesUseCase readChanges) {
        this.listReady = Objects.requireNonNull(listReady);
        this.claim = Objects.requireNonNull(claim);
        this.show = Objects.requireNonNull(show);
        this.reissue = Objects.requireNonNull(reissue);
        this.reportDelivery = Objects.requireNonNull(reportDelivery);
        this.readChanges = Objects.requireNonNull(readChanges);
    }

    public void register(RoutesConfig routes) {
        routes.get(INVITATIONS, this::list, PARTNER);
        routes.post(CLAIM, this::claim, PARTNER);
        routes.get(INVITATION, this::show, PARTNER);
        routes.post(REISSUE, this::reissue, PARTNER);
        routes.post(DELIVERY, this::reportDelivery, PARTNER);
        routes.get(CHANGES, this::changes, PARTNER);
    }

    /** The partner the calling key is bound to; a PARTNER key always is. */
    public static PartnerCaller caller(Context ctx) {
        ApiKey key = BearerAuthentication.caller(ctx);
        return new PartnerCaller(key.partnerId().orElseThrow(), key.keyId());
    }

    private void list(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of("after", "limit"));
        Optional<String> after = RequestParams.after(ctx);
        int limit = RequestParams.limit(ctx, ListReadyInvitationsQuery.MAX_LIMIT, DEFAULT_LIMIT);
        ReadyInvitationsPage page = listReady.list(new ListReadyInvitationsQuery(caller(ctx), after, limit));
        StrictJson.write(ctx, 200, new DeliveryDtos.InvitationPage(
                page.invitations().stream().map(DeliveryDtos.PartnerInvitationView::of).toList(),
                page.next().orElse(null)));
    }

    private void claim(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        var body = StrictJson.readBody(ctx, DeliveryDtos.ClaimBody.class);
        int limit = RequestParams.required("body.limit", body.limit());
        if (limit < 1 || limit > ClaimInvitationsCommand.MAX_LIMIT) {
            throw ProblemException.invalid("body.limit",
                    "must be a whole number from 1 to " + ClaimInvitationsCommand.MAX_LIMIT);
        }
        StrictJson.write(ctx, 200, new DeliveryDtos.HandedOverList(
                claim.claim(new ClaimInvitationsCommand(caller(ctx), limit)).stream()
                        .map(DeliveryDtos.HandedOverView::of).toList()));
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        PartnerInvitation invitation = show.show(caller(ctx), invitationId(ctx))
                .orElseThrow(PartnerDeliveryRoutes::notFound);
        StrictJson.write(ctx, 200, DeliveryDtos.PartnerInvitationView.of(invitation));
    }

    private void reissue(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        refuseAnyInput(ctx);
        ReissueInvitationUseCase.Result result = reissue.reissue(caller(ctx), invitationId(ctx));
        if (result instanceof ReissueInvitationUseCase.Reissued reissued) {
            StrictJson.write(ctx, 200, DeliveryDtos.HandedOverView.of(reissued.invitation()));
        } else if (result instanceof ReissueInvitationUseCase.NotFound) {
            throw notFound();
        } else if (result instanceof ReissueInvitationUseCase.NotReissuable notReissuable) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, "The invitation is " + notReissuable.state()
                    + "; only a HANDED_OVER invitation has a link to replace (a PENDING one is claimed)."
                    + " Nothing was changed."));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void reportDelivery(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        var body = StrictJson.readBody(ctx, DeliveryDtos.DeliveryBody.class);
        DeliveryOutcome outcome = RequestParams.required("body.outcome", body.outcome());
        Instant at = RequestParams.parse("body.at", RequestParams.required("body.at", body.at()),
                RequestParams::dateTime);
        ReportDeliveryUseCase.Result result =
                reportDelivery.report(caller(ctx), invitationId(ctx), new DeliveryReport(outcome, at));
        if (result instanceof ReportDeliveryUseCase.Recorded) {
            ctx.status(204);
        } else if (result instanceof ReportDeliveryUseCase.NotFound) {
            throw notFound();
        } else if (result instanceof ReportDeliveryUseCase.NotHandedOver notHandedOver) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, "The invitation is " + notHandedOver.state()
                    + "; only a HANDED_OVER invitation is being delivered. Nothing was recorded."));
        } else if (result instanceof ReportDeliveryUseCase.TimeInFuture) {
            throw ProblemException.invalid("body.at", "must not be in the future");
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void changes(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of("after", "limit"));
        FeedCursor after = RequestParams.query(ctx, "after").map(PartnerDeliveryRoutes::cursor)
                .orElse(FeedCursor.START);
        int limit = RequestParams.limit(ctx, ReadPartnerChangesUseCase.MAX_LIMIT, DEFAULT_LIMIT);
        PartnerCaller caller = caller(ctx);
        List<FeedEntry> entries = readChanges.read(caller, after, limit);
        for (FeedEntry entry : entries) {
            if (!entry.change().partnerId().equals(caller.partnerId())) {
                // A bug behind the port; answering 500 beats showing a partner another's invitation.
                throw new IllegalStateException("the change feed gave an entry of another partner");
            }
        }
        String next = entries.isEmpty() ? after.text() : entries.get(entries.size() - 1).position().text();
        StrictJson.write(ctx, 200, new DeliveryDtos.ChangePage(
                entries.stream().map(DeliveryDtos.ChangeView::of).toList(), next));
    }

    private static FeedCursor cursor(String text) {
        try {
            return FeedCursor.parse(text);
        } catch (IllegalArgumentException notOurs) {
            throw ProblemException.invalid("query.after",
                    "must be a cursor this feed gave: a change's cursor or a page's next");
        }
    }

    /** Reissuing takes no input: no body, or an empty JSON object. */
    private static void refuseAnyInput(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) {
            return;
        }
        StrictJson.readBody(ctx, DeliveryDtos.EmptyBody.class);
    }

    /** The id as it came, unchecked: see the class comment. */
    private static String invitationId(Context ctx) {
        return ctx.pathParam("invitationId");
    }

    /** The one answer for any invitation that is not the caller's, byte for byte the same everywhere. */
    public static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND));
    }
}
