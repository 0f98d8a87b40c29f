package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.DatabaseProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Asks the pool for a connection and the database for {@code SELECT 1}, with a two-second query timeout. The wait
 * for a free connection is the pool's connection timeout. Any failure, including a closed pool, is a plain false.
 */
public final class JdbcDatabaseProbe implements DatabaseProbe {

    static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    JdbcDatabaseProbe(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
