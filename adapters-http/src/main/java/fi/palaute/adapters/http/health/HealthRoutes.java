package fi.palaute.adapters.http.health;

import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.application.port.in.health.CheckHealthUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * {@code /health} asks the database (200 or 503), for load balancers; {@code /health/live} only says the process
 * answers, for restarts, and is the bare endpoint the load benchmark compares against.
 */
public final class HealthRoutes {

    private final CheckHealthUseCase checkHealth;

    public HealthRoutes(CheckHealthUseCase checkHealth) {
        this.checkHealth = Objects.requireNonNull(checkHealth);
    }

    record Health(String status, String database) {
    }

    record Liveness(String status) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/health/live", ctx -> StrictJson.write(ctx, 200, new Liveness("UP")));
    }

    private void health(Context ctx) {
        boolean up = checkHealth.check().healthy();
        StrictJson.write(ctx, up ? 200 : 503, new Health(up ? "UP" : "DOWN", up ? "UP" : "DOWN"));
    }
}
