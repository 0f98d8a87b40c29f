package fi.palaute.application.service.health;

import fi.palaute.application.port.in.health.CheckHealthUseCase;
import fi.palaute.application.port.out.DatabaseProbe;
import java.util.Objects;

public final class CheckHealthService implements CheckHealthUseCase {

    private final DatabaseProbe database;

    public CheckHealthService(DatabaseProbe database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public HealthReport check() {
        return new HealthReport(database.isReachable());
    }
}
