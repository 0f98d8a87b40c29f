package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Survey links made the way customers get them: a BRANCH event invites, the partner claims, the link is its token. */
final class HandedOverLinks {

    private HandedOverLinks() {
    }

    /**
     * One event for the customer, then a claim of everything the partner has ready, which must be exactly this
     * customer's invitation; returns its token.
     */
    static String tokenFor(ContractClient client, String eventSourceKey, String partnerKey, String customer) {
        Answer recorded = client.send(Call.post("/api/v1/service-events").key(eventSourceKey).json("""
                {"eventId":"ev-%s","customerId":"%s","channel":"BRANCH","occurredAt":"%s","controller":"OP-Retail",
                 "language":"fi","mobile":"040 555 1234"}""".formatted(customer, customer, Instant.now())));
        assertEquals(200, recorded.status(), recorded.text());
        Answer claimed = client.send(Call.post("/api/v1/partner/invitations/claim").key(partnerKey)
                .json("{\"limit\":1000}"));
        assertEquals(200, claimed.status(), claimed.text());
        JsonNode invitations = claimed.json().get("invitations");
        assertEquals(1, invitations.size(), "one invitation ready: " + invitations.size());
        String link = invitations.get(0).get("link").asText();
        return link.substring(link.indexOf("/s/") + 3);
    }

    /** The survey page's form, as a browser posts it. */
    static Call submit(String token, String form) {
        return Call.post("/s/" + token).body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }
}
