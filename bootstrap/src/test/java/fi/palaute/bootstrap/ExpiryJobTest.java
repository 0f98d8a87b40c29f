package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.persistence.Database;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs run inside the service on their own: with the service's clock moved past an invitation's expiry, the
 * invitation ends, its contact point is erased, and its partner's feed says so; moved past 24 months, an answer loses
 * its customer and its open follow-up is cancelled; without anyone asking.
 */
class ExpiryJobTest {

    @TempDir
    Path dir;

    /** The service's clock, which the test moves; everything else about the service is real. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anInvitationPastItsExpiryEndsOnItsOwnAndLosesItsContactPoint() throws Exception {
        MovableClock clock = new MovableClock();
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of("PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"), "PALAUTE_DEMO", "true",
                "PALAUTE_EXPIRY_JOB_SECONDS", "1", "PALAUTE_STOP_GRACE_SECONDS", "0"));
        List<String> keyLines = new ArrayList<>();
        try (PalauteApplication app = PalauteApplication.start(config, clock, keyLines::add);
             Database database = PalauteApplication.openDatabase(config)) {
            var keys = PalauteApplicationTest.keysByRole(keyLines);
            ContractClient client = ContractClient.onPort(app.port());
            String partnerKey = ActiveSurveys.partnerSmsOnBranch(client, keys.get("ADMIN"), "expiry-partner");
            Answer recorded = client.send(Call.post("/api/v1/service-events").key(keys.get("EVENT_SOURCE")).json("""
                    {"eventId":"x-1","customerId":"C-expiry","channel":"BRANCH","occurredAt":"%s","controller":"OP",
                     "language":"fi","mobile":"0401234567"}""".formatted(clock.instant())));
            assertEquals(200, recorded.status(), recorded.text());
            CustomerId customer = new CustomerId("C-expiry");
            Invitation invitation = database.invitations().findByCustomer(customer).get(0);

            clock.now = invitation.expiresAt();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (database.invitations().find(invitation.id()).orElseThrow().state() != InvitationState.EXPIRED
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            Invitation ended = database.invitations().find(invitation.id()).orElseThrow();
            assertEquals(InvitationState.EXPIRED, ended.state(), "the job ended it by itself");
            assertEquals(Optional.empty(), ended.contactPoint(), "and erased the contact point");
            JsonNode changes = client.send(Call.get("/api/v1/partner/changes").key(partnerKey)).json().get("changes");
            assertEquals(1, changes.size(), changes.toString());
            assertEquals("EXPIRED", changes.get(0).get("kind").asText());
            assertTrue(client.send(Call.post("/api/v1/partner/invitations/claim").key(partnerKey)
                    .json("{\"limit\":10}")).json().get("invitations").isEmpty(), "nothing left to claim");
        }
    }

    @Test
    void anAnswerPastItsRetentionLosesItsCustomerAndItsOpenFollowUpOnItsOwn() throws Exception {
        MovableClock clock = new MovableClock();
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of("PALAUTE_PORT", "0",
                "PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"), "PALAUTE_DEMO", "true",
                "PALAUTE_EXPIRY_JOB_SECONDS", "1", "PALAUTE_STOP_GRACE_SECONDS", "0"));
        List<String> keyLines = new ArrayList<>();
        try (PalauteApplication app = PalauteApplication.start(config, clock, keyLines::add)) {
            var keys = PalauteApplicationTest.keysByRole(keyLines);
            ContractClient client = ContractClient.onPort(app.port());
            String partnerKey = ActiveSurveys.partnerSmsOnBranch(client, keys.get("ADMIN"), "retention-partner");
            String token = HandedOverLinks.tokenFor(client, keys.get("EVENT_SOURCE"), partnerKey, "C-retention");
            assertEquals(200, client.send(HandedOverLinks.submit(token, "score=3&contact=yes&lang=fi")).status());
            JsonNode followUp = client.send(Call.get("/api/v1/follow-ups").key(keys.get("ADMIN")))
                    .json().get("followUps").get(0);
            assertEquals("C-retention", followUp.get("customerId").asText());

            clock.now = clock.now.plus(Duration.ofDays(2 * 366));
            String id = followUp.get("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JsonNode now = followUp;
            while (now.get("state").asText().equals("OPEN") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                now = client.send(Call.get("/api/v1/follow-ups/" + id).key(keys.get("ADMIN"))).json();
            }
            assertEquals("CANCELLED", now.get("state").asText(), now.toString());
            assertFalse(now.hasNonNull("customerId"), "the answer no longer names its customer: " + now);
        }
    }
}
