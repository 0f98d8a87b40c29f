package fi.palaute.application.port.in.health;

/** Whether the service can do its work: the database answers. */
@FunctionalInterface
public interface CheckHealthUseCase {

    HealthReport check();

    record HealthReport(boolean databaseReachable) {
        public boolean healthy() {
            return databaseReachable;
        }
    }
}
