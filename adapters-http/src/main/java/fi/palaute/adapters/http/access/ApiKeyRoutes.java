package fi.palaute.adapters.http.access;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetCommand;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetUseCase;
import fi.palaute.application.port.in.access.ListApiKeysUseCase;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Admins see which keys exist (never a key or its hash) and give a key a different request budget. */
public final class ApiKeyRoutes {

    public static final String KEYS = "/api/v1/keys";
    public static final String BUDGET = KEYS + "/{keyId}/budget";
    public static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ListApiKeysUseCase listKeys;
    private final ChangeApiKeyBudgetUseCase changeBudget;

    public ApiKeyRoutes(ListApiKeysUseCase listKeys, ChangeApiKeyBudgetUseCase changeBudget) {
        this.listKeys = Objects.requireNonNull(listKeys);
        this.changeBudget = Objects.requireNonNull(changeBudget);
    }

    public void register(RoutesConfig routes) {
        routes.get(KEYS, this::list, RequiredRole.anyOf(Role.ADMIN));
        routes.put(BUDGET, this::changeBudget, RequiredRole.anyOf(Role.ADMIN));
    }

    /** How a key is shown: never its text or hash. Partner keys are shown the same way. */
    public record KeyView(String keyId, String role, String partnerId, String label, BudgetBody budget, Instant createdAt) {
        public static KeyView of(ApiKey key) {
            return new KeyView(key.keyId(), key.role().name(), key.partnerId().map(PartnerId::value).orElse(null),
                    key.label(), BudgetBody.of(key.budget()), key.createdAt());
        }
    }

    record KeyList(List<KeyView> keys) {
    }

    public record BudgetBody(Integer perSecond, Integer burst) {
        public static BudgetBody of(RequestBudget budget) {
            return new BudgetBody(budget.perSecond(), budget.burst());
        }
    }

    private void list(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        StrictJson.write(ctx, 200, new KeyList(listKeys.list().stream().map(KeyView::of).toList()));
    }

    private void changeBudget(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        String keyId = ctx.pathParam("keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND));
        }
        BudgetBody body = StrictJson.readBody(ctx, BudgetBody.class);
        if (body.perSecond() == null) {
            throw ProblemException.invalid("body.perSecond", "is required");
        }
        if (body.burst() == null) {
            throw ProblemException.invalid("body.burst", "is required");
        }
        RequestBudget budget = RequestParams.valid("body", () -> new RequestBudget(body.perSecond(), body.burst()));
        ApiKey changed = changeBudget.change(new ChangeApiKeyBudgetCommand(keyId, budget))
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.NOT_FOUND)));
        StrictJson.write(ctx, 200, KeyView.of(changed));
    }
}
