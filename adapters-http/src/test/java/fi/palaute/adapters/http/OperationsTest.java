package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import org.junit.jupiter.api.Test;

class OperationsTest {

    private final FakeUseCases fakes = new FakeUseCases();

    @Test
    void healthAnswers200WhenTheDatabaseAnswersAnd503WhenNot() {
        TestServer.with(fakes, client -> {
            Answer up = client.send(Call.get("/health"));
            assertEquals(200, up.status());
            assertEquals("UP", up.json().get("database").asText());

            fakes.databaseUp.set(false);
            Answer down = client.send(Call.get("/health"));
            assertEquals(503, down.status());
            assertEquals("DOWN", down.json().get("status").asText());

            assertEquals(200, client.send(Call.get("/health/live")).status(), "liveness does not ask the database");
        });
    }

    @Test
    void theOpenApiDocumentIsServedAsJson() {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get("/openapi.json"));
            assertEquals("application/json", answer.contentType().orElse(""));
            assertEquals("3.1.0", answer.json().get("openapi").asText());
            assertTrue(answer.json().at("/paths").has("/api/v1/customers/{customerId}/prohibition"));
        });
    }

    @Test
    void theIconBrowsersAskForIsNoContentNotAnError() {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get("/favicon.ico"));
            assertEquals(204, answer.status());
            assertEquals("", answer.text());
            assertEquals("max-age=86400", answer.header("Cache-Control").orElse(""));
        });
    }

    @Test
    void aFailureInsideIs500WithOnlyAnErrorId() {
        fakes.failure = () -> new IllegalStateException("connection refused to db-host-secret-name");
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get("/api/v1/customers/C-1/prohibition")
                    .key(keyFor(Role.CUSTOMER_SERVICE)));
            assertEquals(500, answer.status());
            assertEquals("urn:palaute:problem:internal", answer.json().get("type").asText());
            assertTrue(answer.json().get("errorId").asText().matches("[0-9a-f-]{36}"));
            assertFalse(answer.text().contains("db-host-secret-name"), "the cause stays in the log");
        });
    }

    @Test
    void apiAnswersAreNeverCached() {
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get("/api/v1/customers/C-1/prohibition").key(keyFor(Role.SELF_SERVICE)));
            assertEquals("no-store", answer.header("Cache-Control").orElse(""));
            Answer problem = client.sendBad(Call.get("/nowhere"));
            assertEquals("no-store", problem.header("Cache-Control").orElse(""));
        });
    }
}
