package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.access.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTest {

    private static final String PATH = "/api/v1/customers/C-1/prohibition";

    private final FakeUseCases fakes = new FakeUseCases();

    /** Missing header, wrong scheme, unknown key, empty key: one identical answer that names none of them. */
    @ParameterizedTest
    @ValueSource(strings = {"", "Basic a2V5LWFkbWlu", "Bearer", "Bearer ", "Bearer unknown-key",
            "Bearer key-customer_service2", "key-customer_service"})
    void anythingButAKnownKeyIs401WithOneAndTheSameAnswer(String authorization) {
        TestServer.with(fakes, client -> {
            Call call = Call.put(PATH).json("{\"agentId\":\"a1\"}");
            if (!authorization.isEmpty()) {
                call.header("Authorization", authorization);
            }
            Answer answer = client.sendBad(call);
            assertEquals(401, answer.status());
            assertEquals("Bearer", answer.header("WWW-Authenticate").orElse(""));
            Answer reference = client.sendBad(Call.get(PATH));
            assertEquals(reference.text(), answer.text(), "the body never says which part was wrong");
        });
        assertEquals(0, fakes.writes());
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        TestServer.with(fakes, client -> assertEquals(200, client.send(
                Call.get(PATH).header("Authorization", "bearer " + keyFor(Role.CUSTOMER_SERVICE))).status()));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "EVENT_SOURCE", "PARTNER", "ANALYST"})
    void rolesOtherThanCustomerServiceAndSelfServiceAre403OnProhibitions(Role role) {
        TestServer.with(fakes, client -> {
            for (Call call : List.of(
                    Call.put(PATH).key(keyFor(role)).json("{\"agentId\":\"a1\"}"),
                    Call.get(PATH).key(keyFor(role)),
                    Call.delete(PATH + "?agentId=a1").key(keyFor(role)),
                    Call.get(PATH + "/history").key(keyFor(role)))) {
                Answer answer = client.sendBad(call);
                assertEquals(403, answer.status());
                assertEquals("urn:palaute:problem:forbidden", answer.json().get("type").asText());
            }
        });
        assertEquals(0, fakes.writes());
    }

    @Test
    void onlyAdminsSeeKeys() {
        TestServer.with(fakes, client -> {
            for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN))) {
                assertEquals(403, client.sendBad(Call.get("/api/v1/keys").key(keyFor(role))).status(), role.name());
            }
            assertEquals(200, client.send(Call.get("/api/v1/keys").key(keyFor(Role.ADMIN))).status());
        });
    }

    @Test
    void pastItsBurstAKeyGets429WithRetryAfterAndOtherKeysAreUntouched() {
        AtomicLong nanos = new AtomicLong();
        HttpSettings settings = new HttpSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ZERO, nanos::get);
        TestServer.with(fakes, settings, client -> {
            String cs = keyFor(Role.CUSTOMER_SERVICE);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) { // the default burst, with the clock standing still
                statuses.add(client.send(Call.get(PATH).key(cs)).status());
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200), "the whole burst is served");

            Answer limited = client.sendBad(Call.get(PATH).key(cs));
            assertEquals(429, limited.status());
            assertEquals("1", limited.header("Retry-After").orElse(""), "one token comes back in 20 ms: retry in 1 s");
            assertEquals("urn:palaute:problem:rate-limited", limited.json().get("type").asText());

            assertEquals(200, client.send(Call.get(PATH).key(keyFor(Role.SELF_SERVICE))).status(),
                    "budgets are per key, not per address");

            nanos.addAndGet(Duration.ofMillis(20).toNanos()); // 50/s: one token per 20 ms
            assertEquals(200, client.send(Call.get(PATH).key(cs)).status());
            assertEquals(429, client.sendBad(Call.get(PATH).key(cs)).status());
        });
    }

    @Test
    void aKeyWithALargerBudgetGetsMore() {
        AtomicLong nanos = new AtomicLong();
        HttpSettings settings = new HttpSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ZERO, nanos::get);
        TestServer.with(fakes, settings, client -> {
            String keyId = fakes.keyOf(Role.EVENT_SOURCE).keyId();
            assertEquals(200, client.send(Call.put("/api/v1/keys/" + keyId + "/budget").key(keyFor(Role.ADMIN))
                    .json("{\"perSecond\":100,\"burst\":300}")).status());
            String es = keyFor(Role.EVENT_SOURCE);
            int served = 0;
            for (int i = 0; i < 301; i++) {
                // EVENT_SOURCE may not read prohibitions: 403 still spends budget, 429 once it is gone.
                int status = client.sendBad(Call.get(PATH).key(es)).status();
                if (status == 403) {
                    served++;
                }
            }
            assertEquals(300, served, "the larger burst");
        });
    }
}
