package fi.palaute.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * What {@link Database#open} says when it fails, whatever the database: one line, never the URL (it may carry a
 * password) nor a password, and no cause that would print them in a logged stack trace. Failures that do carry the
 * URL are rare and hard to provoke from a real driver, so this is checked on the messages themselves.
 */
class DatabaseFailureMessageTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/palaute?user=palaute&password=hunter2";
    private static final Database.Secrets SECRETS = new Database.Secrets(URL, "s3cret");

    @Test
    void theUrlAndBothPasswordsAreBlankedAndACauseMentioningThemIsDropped() {
        RuntimeException leaky = new RuntimeException("pool failed", new SQLException(
                "Driver claims to not accept jdbcUrl, " + URL + " (tried with s3cret)\n\tat some.Frame"));

        IllegalStateException failure = SECRETS.failure("cannot connect to the postgresql database: ", leaky);

        assertEquals("cannot connect to the postgresql database: Driver claims to not accept jdbcUrl, ***"
                + " (tried with ***)", failure.getMessage());
        assertNull(failure.getCause());
    }

    @Test
    void aPasswordInsideTheUrlIsBlankedWhereverItAppears() {
        RuntimeException leaky = new RuntimeException(new SQLException("authentication with hunter2 failed"));

        IllegalStateException failure = SECRETS.failure("cannot connect to the postgresql database: ", leaky);

        assertEquals("cannot connect to the postgresql database: authentication with *** failed",
                failure.getMessage());
        assertNull(failure.getCause());
    }

    @Test
    void aFailureThatMentionsNoSecretKeepsItsCauseForTheStackTrace() {
        RuntimeException plain = new RuntimeException(new SQLException("Connection to db.example:5432 refused."));

        IllegalStateException failure = SECRETS.failure("cannot connect to the postgresql database: ", plain);

        assertEquals("cannot connect to the postgresql database: Connection to db.example:5432 refused.",
                failure.getMessage());
        assertSame(plain, failure.getCause());
    }
}
