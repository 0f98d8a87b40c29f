package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.delivery.QueryAuditLogQuery;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.partner.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditRoutesTest {

    private static final String ADMIN = keyFor(Role.ADMIN);
    private static final String AUDIT = "/api/v1/audit";
    private static final String RANGE = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00%2B02:00";

    private final FakeUseCases fakes = new FakeUseCases();

    private void entry(String entryId, String partnerId, AuditEntry.Action action, String at,
            AuditEntry.Outcome outcome, String... recordIds) {
        fakes.auditLog.add(new AuditEntry(entryId, Optional.of(new PartnerId(partnerId)), "00000000-0000-7000-a000-00000000000" +
                partnerId.charAt(1), action, List.of(recordIds), Instant.parse(at), outcome));
    }

    @Test
    void adminsReadWhatPartnersDidByPartnerAndTime() {
        entry("e-01", "p1", AuditEntry.Action.CLAIM_INVITATIONS, "2026-11-25T10:00:00Z", AuditEntry.Outcome.OK,
                "inv-1", "inv-2");
        entry("e-02", "p2", AuditEntry.Action.SHOW_INVITATION, "2026-11-25T11:00:00Z", AuditEntry.Outcome.NOT_FOUND,
                "inv-1");
        entry("e-03", "p1", AuditEntry.Action.READ_CHANGES, "2026-10-01T00:00:00Z", AuditEntry.Outcome.OK);
        TestServer.with(fakes, client -> {
            Answer all = client.send(Call.get(AUDIT + "?" + RANGE).key(ADMIN));
            assertEquals("{\"entries\":["
                    + "{\"entryId\":\"e-01\",\"partnerId\":\"p1\",\"keyId\":\"00000000-0000-7000-a000-000000000001\","
                    + "\"action\":\"CLAIM_INVITATIONS\",\"recordIds\":[\"inv-1\",\"inv-2\"],"
                    + "\"at\":\"2026-11-25T10:00:00Z\",\"outcome\":\"OK\"},"
                    + "{\"entryId\":\"e-02\",\"partnerId\":\"p2\",\"keyId\":\"00000000-0000-7000-a000-000000000002\","
                    + "\"action\":\"SHOW_INVITATION\",\"recordIds\":[\"inv-1\"],"
                    + "\"at\":\"2026-11-25T11:00:00Z\",\"outcome\":\"NOT_FOUND\"}]}", all.text(),
                    "a page that is not full has no next");

            JsonNode p2 = client.send(Call.get(AUDIT + "?partnerId=p2&" + RANGE).key(ADMIN)).json();
            assertEquals(1, p2.get("entries").size());
            assertEquals("e-02", p2.at("/entries/0/entryId").asText());
        });
        assertEquals(new QueryAuditLogQuery(Optional.empty(), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-30T22:00:00Z"), Optional.empty(), 100), fakes.auditQueries.get(0));
        assertEquals(Optional.of(new PartnerId("p2")), fakes.auditQueries.get(1).partnerId());
    }

    @Test
    void aFullPageSaysWhereToGoOn() {
        for (int i = 1; i <= 3; i++) {
            entry("e-0" + i, "p1", AuditEntry.Action.LIST_INVITATIONS, "2026-11-25T10:00:0" + i + "Z",
                    AuditEntry.Outcome.OK);
        }
        TestServer.with(fakes, client -> {
            JsonNode first = client.send(Call.get(AUDIT + "?" + RANGE + "&limit=2").key(ADMIN)).json();
            assertEquals(2, first.get("entries").size());
            assertEquals("e-02", first.get("next").asText());
            JsonNode second = client.send(Call.get(AUDIT + "?" + RANGE + "&limit=2&after=e-02").key(ADMIN)).json();
            assertEquals("e-03", second.at("/entries/0/entryId").asText());
            assertFalse(second.has("next"));
        });
        assertEquals(Optional.of("e-02"), fakes.auditQueries.get(1).after());
        assertEquals(2, fakes.auditQueries.get(1).limit());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no from               | to=2026-12-01T00:00:00Z                                          | query.from",
            "no to                 | from=2026-11-01T00:00:00Z                                        | query.to",
            "nothing               | ''                                                               | query.from",
            "from without offset   | from=2026-11-01T00:00:00&to=2026-12-01T00:00:00Z                 | query.from",
            "to a date             | from=2026-11-01T00:00:00Z&to=2026-12-01                          | query.to",
            "offset + not encoded  | from=2026-11-01T00:00:00+02:00&to=2026-12-01T00:00:00Z           | query.from",
            "to equal to from      | from=2026-11-01T00:00:00Z&to=2026-11-01T02:00:00%2B02:00         | query.to",
            "to before from        | from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z                | query.to",
            "bad partner id        | partnerId=a%20b&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z | query.partnerId",
            "empty partner id      | partnerId=&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z     | query.partnerId",
            "two partner ids       | partnerId=p1&partnerId=p2&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z | query.partnerId",
            "empty after           | after=&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z         | query.after",
            "limit 0               | limit=0&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z        | query.limit",
            "limit 501             | limit=501&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z      | query.limit",
            "limit x               | limit=x&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z        | query.limit",
            "unknown parameter     | action=CLAIM_INVITATIONS&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z | query.action"})
    void aBadQueryIs400NamingTheParameterAndReadsNothing(String what, String query, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(AUDIT + (query.isEmpty() ? "" : "?" + query)).key(ADMIN));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
        });
        assertEquals(0, fakes.calls("queryAuditLog"), "nothing reached the use case");
    }

    @Test
    void theLogCannotBeChanged() {
        TestServer.with(fakes, client -> {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                assertEquals(405, client.sendBad(Call.method(method, AUDIT).key(ADMIN)).status(), method);
            }
        });
    }
}
