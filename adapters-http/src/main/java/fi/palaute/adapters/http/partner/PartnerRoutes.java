package fi.palaute.adapters.http.partner;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.ApiKeyRoutes;
import fi.palaute.adapters.http.access.ApiKeyRoutes.KeyView;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.partner.CreatePartnerCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyResult;
import fi.palaute.application.port.in.partner.CreatePartnerKeyUseCase;
import fi.palaute.application.port.in.partner.CreatePartnerResult;
import fi.palaute.application.port.in.partner.CreatePartnerUseCase;
import fi.palaute.application.port.in.partner.ListPartnerKeysUseCase;
import fi.palaute.application.port.in.partner.ListPartnersUseCase;
import fi.palaute.application.port.in.partner.RevokePartnerKeyCommand;
import fi.palaute.application.port.in.partner.RevokePartnerKeyUseCase;
import fi.palaute.application.port.in.partner.ShowPartnerUseCase;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Admins register partners (data processors) and manage their keys. A key's text is shown once, when it is made;
 * a key of another partner, an unknown key and an id that could not be one all answer 404 alike.
 */
public final class PartnerRoutes {

    public static final String PARTNERS = "/api/v1/partners";
    public static final String PARTNER = PARTNERS + "/{partnerId}";
    public static final String KEYS = PARTNER + "/keys";
    public static final String KEY = KEYS + "/{keyId}";
    private static final RouteRole[] ADMIN = RequiredRole.anyOf(Role.ADMIN);

    private final CreatePartnerUseCase createPartner;
    private final ListPartnersUseCase listPartners;
    private final ShowPartnerUseCase showPartner;
    private final CreatePartnerKeyUseCase createKey;
    private final ListPartnerKeysUseCase listKeys;
    private final RevokePartnerKeyUseCase revokeKey;

    public PartnerRoutes(
            CreatePartnerUseCase createPartner,
            ListPartnersUseCase listPartners,
            ShowPartnerUseCase showPartner,
            CreatePartnerKeyUseCase createKey,
            ListPartnerKeysUseCase listKeys,
            RevokePartnerKeyUseCase revokeKey) {
        this.createPartner = Objects.requireNonNull(createPartner);
        this.listPartners = Objects.requireNonNull(listPartners);
        this.showPartner = Objects.requireNonNull(showPartner);
        this.createKey = Objects.requireNonNull(createKey);
        this.listKeys = Objects.requireNonNull(listKeys);
        this.revokeKey = Objects.requireNonNull(revokeKey);
    }

    public void register(RoutesConfig routes) {
        routes.post(PARTNERS, this::create, ADMIN);
        routes.get(PARTNERS, this::list, ADMIN);
        routes.get(PARTNER, this::show, ADMIN);
        routes.post(KEYS, this::createKey, ADMIN);
        routes.get(KEYS, this::listKeys, ADMIN);
        routes.delete(KEY, this::revokeKey, ADMIN);
    }

    private void create(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        var request = StrictJson.readBody(ctx, PartnerDtos.CreatePartnerRequest.class);
        PartnerId partnerId = RequestParams.parse("body.partnerId",
                RequestParams.required("body.partnerId", request.partnerId()), PartnerId::new);
        String name = RequestParams.required("body.name", request.name());
        CreatePartnerCommand command = RequestParams.valid("body.name", () -> new CreatePartnerCommand(partnerId, name));
        CreatePartnerResult result = createPartner.create(command);
        if (result instanceof CreatePartnerResult.Created created) {
            ctx.header("Location", PARTNERS + "/" + created.partner().id().value());
            StrictJson.write(ctx, 201, PartnerDtos.PartnerView.of(created.partner()));
        } else if (result instanceof CreatePartnerResult.AlreadyExists) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT,
                    "A partner with this id exists already; nothing was changed."));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void list(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        StrictJson.write(ctx, 200, new PartnerDtos.PartnerList(
                listPartners.list().stream().map(PartnerDtos.PartnerView::of).toList()));
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        Partner partner = showPartner.show(partnerId(ctx)).orElseThrow(PartnerRoutes::notFound);
        StrictJson.write(ctx, 200, PartnerDtos.PartnerView.of(partner));
    }

    private void createKey(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        PartnerId partnerId = partnerId(ctx);
        var request = StrictJson.readBody(ctx, PartnerDtos.CreateKeyRequest.class);
        RequestBudget budget = budgetOf(request);
        String label = request.label() == null ? "" : request.label();
        CreatePartnerKeyCommand command = RequestParams.valid("body.label",
                () -> new CreatePartnerKeyCommand(partnerId, label, budget));
        CreatePartnerKeyResult result = createKey.create(command);
        if (result instanceof CreatePartnerKeyResult.Created created) {
            StrictJson.write(ctx, 201, PartnerDtos.IssuedKeyView.of(created.issued()));
        } else if (result instanceof CreatePartnerKeyResult.NoSuchPartner) {
            throw notFound();
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void listKeys(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        List<ApiKey> keys = listKeys.list(partnerId(ctx)).orElseThrow(PartnerRoutes::notFound);
        StrictJson.write(ctx, 200, new PartnerKeyList(keys.stream().map(KeyView::of).toList()));
    }

    private void revokeKey(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        PartnerId partnerId = partnerId(ctx);
        String keyId = ctx.pathParam("keyId");
        if (!ApiKeyRoutes.KEY_ID.matcher(keyId).matches()
                || !revokeKey.revoke(new RevokePartnerKeyCommand(partnerId, keyId))) {
            throw notFound();
        }
        ctx.status(204);
    }

    record PartnerKeyList(List<KeyView> keys) {
    }

    /** The default budget, or the one given whole; half a budget is a mistake, not a wish for the default. */
    private static RequestBudget budgetOf(PartnerDtos.CreateKeyRequest request) {
        if (request.perSecond() == null && request.burst() == null) {
            return RequestBudget.DEFAULT;
        }
        if (request.perSecond() == null) {
            throw ProblemException.invalid("body.perSecond", "is required when burst is given");
        }
        if (request.burst() == null) {
            throw ProblemException.invalid("body.burst", "is required when perSecond is given");
        }
        return RequestParams.valid("body", () -> new RequestBudget(request.perSecond(), request.burst()));
    }

    private static PartnerId partnerId(Context ctx) {
        return RequestParams.pathId(ctx, "partnerId", PartnerId::new);
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND));
    }
}
