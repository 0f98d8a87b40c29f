package fi.palaute.adapters.http.access;

import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.access.AuthenticateApiKeyUseCase;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.TokenBucket;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route that names roles: finds the key (401), spends from its budget (429), checks
 * its role (403). A 401 never says whether the header was missing, malformed or the key unknown.
 */
public final class BearerAuthentication implements Handler {

    private static final String CALLER = "palaute.caller";
    private static final String BEARER = "bearer ";
    private static final int MAX_KEY_LENGTH = 200;

    private final AuthenticateApiKeyUseCase authenticate;
    private final RequestBudgets budgets;

    public BearerAuthentication(AuthenticateApiKeyUseCase authenticate, RequestBudgets budgets) {
        this.authenticate = Objects.requireNonNull(authenticate);
        this.budgets = Objects.requireNonNull(budgets);
    }

    /** The key that made the current request; only on routes that require a role. */
    public static ApiKey caller(Context ctx) {
        ApiKey key = ctx.attribute(CALLER);
        if (key == null) {
            throw new IllegalStateException("caller() used on a route without a required role");
        }
        return key;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty()) {
            return; // a public route
        }
        ApiKey key = presentedKey(ctx).flatMap(authenticate::authenticate).orElseThrow(() ->
                new ProblemException(Problem.of(ProblemType.UNAUTHORIZED), Map.of("WWW-Authenticate", "Bearer")));
        TokenBucket.Admission admission = budgets.admit(key);
        if (!admission.admitted()) {
            throw new ProblemException(Problem.of(ProblemType.RATE_LIMITED),
                    Map.of("Retry-After", Long.toString(admission.retryAfterSeconds())));
        }
        if (!allowed.contains(new RequiredRole(key.role()))) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN));
        }
        ctx.attribute(CALLER, key);
    }

    private static Optional<ApiKeySecret> presentedKey(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= BEARER.length() || header.length() > MAX_KEY_LENGTH
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(ApiKeySecret.presented(key));
    }
}
