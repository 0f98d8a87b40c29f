package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.NOW;
import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static fi.palaute.adapters.http.testing.FakeUseCases.invitation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ReadyInvitationsPage;
import fi.palaute.application.port.in.delivery.ReportDeliveryUseCase;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.DeliveryOutcome;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.partner.PartnerInvitation;
import fi.palaute.domain.survey.DeliveryChannel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The partner API: each route's answer, each result of its use case, and bad input that never reaches one. */
class PartnerDeliveryRoutesTest {

    private static final String PARTNER = keyFor(Role.PARTNER);
    private static final String INVITATIONS = "/api/v1/partner/invitations";
    private static final String CLAIM = INVITATIONS + "/claim";
    private static final String CHANGES = "/api/v1/partner/changes";
    private static final String EMAIL = "maija.meikalainen@example.fi";
    private static final String DELIVERED = "{\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T12:00:00+02:00\"}";
    /** Members a partner must never see, in any answer. */
    private static final List<String> NEVER_SHOWN = List.of("customerId", "surveyId", "partnerId", "anonymous");

    private final FakeUseCases fakes = new FakeUseCases();

    private PartnerCaller caller() {
        return new PartnerCaller(new PartnerId(FakeUseCases.PARTNER), fakes.keyOf(Role.PARTNER).keyId());
    }

    private static void assertShowsNothingBeyondDelivery(Answer answer) {
        for (String member : NEVER_SHOWN) {
            assertFalse(answer.text().contains("\"" + member + "\""), member + " in " + answer.text());
        }
    }

    // --- listing ready invitations

    @Test
    void theListHasOnlyThisPartnersPendingInvitationsWithWhatDeliveryNeeds() {
        fakes.addInvitation("p1", invitation("inv-001", InvitationState.PENDING, DeliveryChannel.EMAIL));
        fakes.addInvitation("p1", invitation("inv-002", InvitationState.PENDING, DeliveryChannel.SMS));
        fakes.addInvitation("p1", "inv-003", InvitationState.HANDED_OVER);
        fakes.addInvitation("p2", "inv-004", InvitationState.PENDING);
        fakes.addInvitation(null, "inv-005", InvitationState.PENDING);
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.get(INVITATIONS).key(PARTNER));
            assertEquals(200, answer.status());
            assertEquals("{\"invitations\":["
                    + "{\"invitationId\":\"inv-001\",\"state\":\"PENDING\",\"deliveryChannel\":\"EMAIL\","
                    + "\"contactPoint\":{\"kind\":\"EMAIL\",\"value\":\"" + EMAIL + "\"},\"language\":\"fi\","
                    + "\"expiresAt\":\"2026-12-09T10:15:30.123Z\"},"
                    + "{\"invitationId\":\"inv-002\",\"state\":\"PENDING\",\"deliveryChannel\":\"SMS\","
                    + "\"contactPoint\":{\"kind\":\"MOBILE\",\"value\":\"+358407654321\"},\"language\":\"fi\","
                    + "\"expiresAt\":\"2026-12-09T10:15:30.123Z\"}]}", answer.text(), "no next on the last page");
            assertShowsNothingBeyondDelivery(answer);
        });
        assertEquals(caller(), fakes.readyQueries.get(0).caller(), "the key's partner and the key itself");
        assertEquals(100, fakes.readyQueries.get(0).limit(), "the default page");
        assertEquals(Optional.empty(), fakes.readyQueries.get(0).after());
    }

    @Test
    void theListIsReadAPageAtATime() {
        for (int i = 1; i <= 3; i++) {
            fakes.addInvitation("p1", "inv-00" + i, InvitationState.PENDING);
        }
        TestServer.with(fakes, client -> {
            JsonNode first = client.send(Call.get(INVITATIONS + "?limit=2").key(PARTNER)).json();
            assertEquals(2, first.get("invitations").size());
            assertEquals("inv-002", first.get("next").asText());
            JsonNode second = client.send(Call.get(INVITATIONS + "?after=inv-002&limit=2").key(PARTNER)).json();
            assertEquals(1, second.get("invitations").size());
            assertEquals("inv-003", second.at("/invitations/0/invitationId").asText());
            assertFalse(second.has("next"));
        });
        assertEquals(Optional.of("inv-002"), fakes.readyQueries.get(1).after(), "after goes to the use case as sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=x", "limit=-1", "limit=1.5", "limit=", "limit=00000001",
            "limit=1&limit=2"})
    void aBadLimitIs400AndReachesNothing(String query) {
        TestServer.with(fakes, client -> {
            for (String path : List.of(INVITATIONS, CHANGES)) {
                Answer answer = client.sendBad(Call.get(path + "?" + query).key(PARTNER));
                assertEquals(400, answer.status(), path);
                assertEquals("query.limit", answer.json().at("/invalidParams/0/name").asText(), path);
            }
        });
        assertEquals(0, fakes.calls("listReadyInvitations"));
        assertEquals(0, fakes.calls("readPartnerChanges"));
    }

    @Test
    void theLargestPageIs500() {
        TestServer.with(fakes, client -> {
            assertEquals(200, client.send(Call.get(INVITATIONS + "?limit=500").key(PARTNER)).status());
            assertEquals(200, client.send(Call.get(CHANGES + "?limit=500").key(PARTNER)).status());
        });
        assertEquals(500, fakes.readyQueries.get(0).limit());
        assertEquals(500, fakes.changeReads.get(0).limit());
    }

    @ParameterizedTest
    @CsvSource({"after=,query.after", "verbose=1,query.verbose", "partnerId=p2,query.partnerId",
            "after=a&after=b,query.after"})
    void otherBadListQueriesAre400(String query, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(INVITATIONS + "?" + query).key(PARTNER));
            assertEquals(400, answer.status());
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.calls("listReadyInvitations"));
    }

    // --- claiming

    @Test
    void aClaimHandsOverInvitationsWithTheirLinksOnceAndTheyLeaveTheList() {
        fakes.addInvitation("p1", invitation("inv-001", InvitationState.PENDING, DeliveryChannel.EMAIL));
        fakes.addInvitation("p1", invitation("inv-002", InvitationState.PENDING, DeliveryChannel.SMS));
        fakes.addInvitation("p1", invitation("inv-003", InvitationState.PENDING, DeliveryChannel.PHONE));
        fakes.addInvitation("p2", "inv-004", InvitationState.PENDING);
        TestServer.with(fakes, client -> {
            Answer first = client.send(Call.post(CLAIM).key(PARTNER).json("{\"limit\":1}"));
            assertEquals(200, first.status());
            String link = fakes.issuedLinks.get(0);
            assertEquals("{\"invitations\":[{\"invitationId\":\"inv-001\",\"deliveryChannel\":\"EMAIL\","
                    + "\"contactPoint\":{\"kind\":\"EMAIL\",\"value\":\"" + EMAIL + "\"},\"language\":\"fi\","
                    + "\"link\":\"" + link + "\",\"expiresAt\":\"2026-12-09T10:15:30.123Z\","
                    + "\"text\":{\"subject\":\"Miten onnistuimme?\",\"body\":\"Vastaa: " + link + "\"}}]}",
                    first.text());
            assertShowsNothingBeyondDelivery(first);

            JsonNode rest = client.send(Call.post(CLAIM).key(PARTNER).json("{\"limit\":1000}")).json()
                    .get("invitations");
            assertEquals(2, rest.size(), "the other partner's invitation is not claimed");
            JsonNode sms = rest.get(0);
            assertEquals("SMS", sms.get("deliveryChannel").asText());
            assertEquals("{\"kind\":\"MOBILE\",\"value\":\"+358407654321\"}", sms.get("contactPoint").toString());
            assertFalse(sms.get("text").has("subject"), "a text message has no subject");
            JsonNode phone = rest.get(1);
            assertEquals("PHONE", phone.get("deliveryChannel").asText());
            assertFalse(phone.has("text"), "a phone survey has no text");
            assertTrue(phone.has("link"));

            assertEquals("{\"invitations\":[]}",
                    client.send(Call.post(CLAIM).key(PARTNER).json("{\"limit\":5}")).text(), "nothing left");
            Answer list = client.send(Call.get(INVITATIONS).key(PARTNER));
            assertEquals("{\"invitations\":[]}", list.text());
            Answer shown = client.send(Call.get(INVITATIONS + "/inv-001").key(PARTNER));
            assertEquals("HANDED_OVER", shown.json().get("state").asText());
            assertFalse(shown.text().contains(link), "the link is shown when handed over, never again");
        });
        assertEquals(caller(), fakes.claims.get(0).caller());
        assertEquals(List.of(1, 1000, 5), fakes.claims.stream().map(c -> c.limit()).toList());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no limit                  | {}                                           | body.limit",
            "null limit                | {\"limit\":null}                             | body.limit",
            "zero                      | {\"limit\":0}                                | body.limit",
            "over 1000                 | {\"limit\":1001}                             | body.limit",
            "negative                  | {\"limit\":-5}                               | body.limit",
            "a string                  | {\"limit\":\"10\"}                           | body.limit",
            "a fraction                | {\"limit\":1.5}                              | body.limit",
            "too large for an int      | {\"limit\":99999999999}                      | body.limit",
            "mass assignment: customer | {\"limit\":1,\"customerId\":\"C-1\"}         | body.customerId",
            "mass assignment: survey   | {\"limit\":1,\"surveyId\":\"s-1\"}           | body.surveyId",
            "mass assignment: partner  | {\"limit\":1,\"partnerId\":\"p2\"}           | body.partnerId",
            "mass assignment: anonymous| {\"limit\":1,\"anonymous\":false}            | body.anonymous",
            "mass assignment: link     | {\"limit\":1,\"link\":\"https://evil.example\"} | body.link",
            "an array                  | [1]                                          | body",
            "the literal null          | null                                         | body",
            "a number                  | 5                                            | body"})
    void aBadClaimIs400NamingTheMemberAndClaimsNothing(String what, String body, String field) {
        fakes.addInvitation("p1", "inv-001", InvitationState.PENDING);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(CLAIM).key(PARTNER).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals("urn:palaute:problem:validation", answer.json().get("type").asText(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
            assertFalse(answer.text().contains("C-1") || answer.text().contains("evil"), "values are not echoed");
        });
        assertEquals(0, fakes.calls("claimInvitations"), "nothing reached the use case");
        assertEquals(InvitationState.PENDING, fakes.invitation("inv-001").orElseThrow().state());
    }

    @Test
    void aClaimWithoutAJsonBodyIsRefused() {
        TestServer.with(fakes, client -> {
            assertEquals(400, client.sendBad(Call.post(CLAIM).key(PARTNER)
                    .header("Content-Type", "application/json")).status());
            assertEquals(415, client.sendBad(Call.post(CLAIM).key(PARTNER)
                    .body("text/plain", "{\"limit\":1}".getBytes())).status());
            assertEquals(400, client.sendBad(Call.post(CLAIM + "?limit=5").key(PARTNER).json("{\"limit\":1}"))
                    .status(), "the limit goes in the body");
        });
        assertEquals(0, fakes.calls("claimInvitations"));
    }

    // --- one invitation

    @Test
    void anInvitationShowsItsStateLastDeliveryAndNoErasedContactPoint() {
        fakes.addInvitation("p1", "inv-open", InvitationState.HANDED_OVER);
        fakes.addInvitation("p1", "inv-ended", InvitationState.ANSWERED);
        TestServer.with(fakes, client -> {
            Answer open = client.send(Call.get(INVITATIONS + "/inv-open").key(PARTNER));
            assertEquals("{\"invitationId\":\"inv-open\",\"state\":\"HANDED_OVER\",\"deliveryChannel\":\"EMAIL\","
                    + "\"contactPoint\":{\"kind\":\"EMAIL\",\"value\":\"" + EMAIL + "\"},\"language\":\"fi\","
                    + "\"expiresAt\":\"2026-12-09T10:15:30.123Z\"}", open.text());

            assertEquals(204, client.send(Call.post(INVITATIONS + "/inv-open/delivery").key(PARTNER)
                    .json("{\"outcome\":\"BOUNCED\",\"at\":\"2026-11-25T10:00:00.5Z\"}")).status());
            JsonNode reported = client.send(Call.get(INVITATIONS + "/inv-open").key(PARTNER)).json();
            assertEquals("{\"outcome\":\"BOUNCED\",\"at\":\"2026-11-25T10:00:00.500Z\"}",
                    reported.get("lastDelivery").toString());

            Answer ended = client.send(Call.get(INVITATIONS + "/inv-ended").key(PARTNER));
            assertEquals("ANSWERED", ended.json().get("state").asText());
            assertFalse(ended.json().has("contactPoint"), "erased once the invitation ended");
            assertFalse(ended.text().contains("example.fi"));
        });
        assertEquals(List.of("inv-open", "inv-open", "inv-open", "inv-ended"),
                fakes.invitationAsks.stream().map(FakeUseCases.InvitationAsk::invitationId).toList());
        assertEquals(caller(), fakes.invitationAsks.get(0).caller());
    }

    @Test
    void showingTakesNoQuery() {
        TestServer.with(fakes, client -> assertEquals("query.fields", client.sendBad(
                Call.get(INVITATIONS + "/inv-1?fields=customerId").key(PARTNER)).json()
                .at("/invalidParams/0/name").asText()));
        assertEquals(0, fakes.calls("showPartnerInvitation"));
    }

    // --- reissuing

    @Test
    void reissuingGivesANewLinkWithOrWithoutAnEmptyBody() {
        fakes.addInvitation("p1", invitation("inv-1", InvitationState.HANDED_OVER, DeliveryChannel.SMS));
        TestServer.with(fakes, client -> {
            Answer first = client.send(Call.post(INVITATIONS + "/inv-1/reissue").key(PARTNER));
            assertEquals(200, first.status());
            JsonNode body = first.json();
            assertEquals("inv-1", body.get("invitationId").asText());
            assertEquals("SMS", body.get("deliveryChannel").asText());
            assertEquals("+358407654321", body.at("/contactPoint/value").asText());
            assertEquals(fakes.issuedLinks.get(0), body.get("link").asText());
            assertShowsNothingBeyondDelivery(first);

            Answer second = client.send(Call.post(INVITATIONS + "/inv-1/reissue").key(PARTNER).json("{}"));
            assertEquals(200, second.status());
            assertEquals(fakes.issuedLinks.get(1), second.json().get("link").asText());
            assertNotEquals(body.get("link"), second.json().get("link"), "a new link each time");
        });
        assertEquals(2, fakes.calls("reissueInvitation"));
    }

    @ParameterizedTest
    @CsvSource({"PENDING", "ANSWERED", "EXPIRED", "WITHDRAWN"})
    void onlyAHandedOverInvitationIsReissuedOthersAre409NamingTheState(InvitationState state) {
        fakes.addInvitation("p1", "inv-1", state);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(INVITATIONS + "/inv-1/reissue").key(PARTNER));
            assertEquals(409, answer.status());
            assertEquals("urn:palaute:problem:conflict", answer.json().get("type").asText());
            assertTrue(answer.json().get("detail").asText().contains(state.name()), answer.text());
            assertFalse(answer.text().contains("inv-1"), "the id is not repeated");
        });
        assertTrue(fakes.issuedLinks.isEmpty());
    }

    @Test
    void reissuingAnUnknownInvitationIs404() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(INVITATIONS + "/nothing-here/reissue").key(PARTNER));
            assertEquals(404, answer.status());
            assertEquals("urn:palaute:problem:not-found", answer.json().get("type").asText());
        });
        assertEquals(1, fakes.calls("reissueInvitation"), "the use case decided, and may audit the attempt");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "a member                  | {\"customerId\":\"C-1\"}  | 400",
            "an empty array            | []                        | 400",
            "the literal null          | null                      | 400",
            "malformed                 | {                         | 400"})
    void reissuingTakesNoInput(String what, String body, int status) {
        fakes.addInvitation("p1", "inv-1", InvitationState.HANDED_OVER);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(INVITATIONS + "/inv-1/reissue").key(PARTNER).json(body));
            assertEquals(status, answer.status(), what);
            assertFalse(answer.text().contains("C-1"));
            assertEquals(415, client.sendBad(Call.post(INVITATIONS + "/inv-1/reissue").key(PARTNER)
                    .body("text/plain", "x".getBytes())).status());
        });
        assertEquals(0, fakes.calls("reissueInvitation"));
        assertTrue(fakes.issuedLinks.isEmpty());
    }

    // --- delivery reports

    @Test
    void aDeliveryReportIsRecordedAt204WithTheOffsetApplied() {
        fakes.addInvitation("p1", "inv-1", InvitationState.HANDED_OVER);
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.post(INVITATIONS + "/inv-1/delivery").key(PARTNER).json(DELIVERED));
            assertEquals(204, answer.status());
            assertEquals("", answer.text());
        });
        assertEquals(List.of(new DeliveryReport(DeliveryOutcome.DELIVERED, Instant.parse("2026-11-25T10:00:00Z"))),
                fakes.deliveryReports);
        assertEquals(new FakeUseCases.InvitationAsk("delivery", caller(), "inv-1"), fakes.invitationAsks.get(0));
    }

    @ParameterizedTest
    @CsvSource({"DELIVERED", "BOUNCED", "FAILED"})
    void everyOutcomeIsTaken(DeliveryOutcome outcome) {
        fakes.addInvitation("p1", "inv-1", InvitationState.HANDED_OVER);
        TestServer.with(fakes, client -> assertEquals(204, client.send(Call.post(INVITATIONS + "/inv-1/delivery")
                .key(PARTNER).json("{\"outcome\":\"" + outcome + "\",\"at\":\"2026-11-25T09:00:00Z\"}")).status()));
        assertEquals(outcome, fakes.deliveryReports.get(0).outcome());
    }

    @ParameterizedTest
    @CsvSource({"PENDING", "ANSWERED", "EXPIRED", "WITHDRAWN"})
    void aReportForAnInvitationNotBeingDeliveredIs409NamingTheState(InvitationState state) {
        fakes.addInvitation("p1", "inv-1", state);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(INVITATIONS + "/inv-1/delivery").key(PARTNER).json(DELIVERED));
            assertEquals(409, answer.status());
            assertEquals("urn:palaute:problem:conflict", answer.json().get("type").asText());
            assertTrue(answer.json().get("detail").asText().contains(state.name()), answer.text());
        });
        assertTrue(fakes.deliveryReports.isEmpty());
    }

    @Test
    void aReportFromTheFutureIs400NamingAt() {
        fakes.addInvitation("p1", "inv-1", InvitationState.HANDED_OVER);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(INVITATIONS + "/inv-1/delivery").key(PARTNER)
                    .json("{\"outcome\":\"DELIVERED\",\"at\":\"2026-11-26T10:00:00Z\"}"));
            assertEquals(400, answer.status());
            assertEquals("body.at", answer.json().at("/invalidParams/0/name").asText());
            assertEquals("must not be in the future", answer.json().at("/invalidParams/0/reason").asText());
        });
        assertEquals(1, fakes.calls("reportDelivery"), "the use case, which owns the clock, decided");
        assertTrue(fakes.deliveryReports.isEmpty());
    }

    @Test
    void aReportForAnUnknownInvitationIs404() {
        fakes.reportDelivery = (caller, id, report) -> new ReportDeliveryUseCase.NotFound();
        TestServer.with(fakes, client -> assertEquals(404, client.sendBad(
                Call.post(INVITATIONS + "/inv-1/delivery").key(PARTNER).json(DELIVERED)).status()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "unknown outcome      | {\"outcome\":\"LOST\",\"at\":\"2026-11-25T09:00:00Z\"}           | body.outcome",
            "lower-case outcome   | {\"outcome\":\"delivered\",\"at\":\"2026-11-25T09:00:00Z\"}      | body.outcome",
            "number for outcome   | {\"outcome\":0,\"at\":\"2026-11-25T09:00:00Z\"}                  | body.outcome",
            "missing outcome      | {\"at\":\"2026-11-25T09:00:00Z\"}                                | body.outcome",
            "missing at           | {\"outcome\":\"DELIVERED\"}                                      | body.at",
            "at without offset    | {\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T09:00:00\"}       | body.at",
            "at without seconds   | {\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T09:00Z\"}         | body.at",
            "at, a date           | {\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25\"}                | body.at",
            "at, no such day      | {\"outcome\":\"DELIVERED\",\"at\":\"2026-02-30T09:00:00Z\"}      | body.at",
            "at, epoch number     | {\"outcome\":\"DELIVERED\",\"at\":1764064800}                    | body.at",
            "at, a space for T    | {\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25 09:00:00Z\"}      | body.at",
            "unknown member       | {\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T09:00:00Z\",\"state\":\"ANSWERED\"} | body.state",
            "a customer id        | {\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T09:00:00Z\",\"customerId\":\"C-1\"} | body.customerId",
            "an array             | []                                                               | body"})
    void aBadDeliveryReportIs400NamingTheMember(String what, String body, String field) {
        fakes.addInvitation("p1", "inv-1", InvitationState.HANDED_OVER);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.post(INVITATIONS + "/inv-1/delivery").key(PARTNER).json(body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
            assertFalse(answer.text().contains("LOST") || answer.text().contains("09:00"), "not echoed");
        });
        assertEquals(0, fakes.calls("reportDelivery"), "nothing reached the use case");
    }

    // --- the change feed

    private void feedOf(String partnerId, String invitationId, PartnerChange.Kind kind, long tx, long seq) {
        fakes.feed.add(new FeedEntry(new FeedCursor(tx, seq),
                new PartnerChange(new PartnerId(partnerId), invitationId, kind, NOW.plusSeconds(seq))));
    }

    @Test
    void theFeedGivesThisPartnersChangesInOrderAndWhereToGoOn() {
        feedOf("p1", "inv-1", PartnerChange.Kind.WITHDRAWN, 0, 1);
        feedOf("p2", "inv-9", PartnerChange.Kind.ANSWERED, 0, 2);
        feedOf("p1", "inv-2", PartnerChange.Kind.EXPIRED, 0, 3);
        feedOf("p1", "inv-3", PartnerChange.Kind.ANSWERED, 7, 1);
        TestServer.with(fakes, client -> {
            Answer all = client.send(Call.get(CHANGES).key(PARTNER));
            assertEquals("{\"changes\":["
                    + "{\"invitationId\":\"inv-1\",\"kind\":\"WITHDRAWN\",\"at\":\"2026-11-25T10:15:31.123Z\",\"cursor\":\"0.1\"},"
                    + "{\"invitationId\":\"inv-2\",\"kind\":\"EXPIRED\",\"at\":\"2026-11-25T10:15:33.123Z\",\"cursor\":\"0.3\"},"
                    + "{\"invitationId\":\"inv-3\",\"kind\":\"ANSWERED\",\"at\":\"2026-11-25T10:15:31.123Z\",\"cursor\":\"7.1\"}],"
                    + "\"next\":\"7.1\"}", all.text());

            JsonNode page = client.send(Call.get(CHANGES + "?after=0.1&limit=1").key(PARTNER)).json();
            assertEquals("inv-2", page.at("/changes/0/invitationId").asText());
            assertEquals("0.3", page.get("next").asText());

            Answer nothingNew = client.send(Call.get(CHANGES + "?after=7.1").key(PARTNER));
            assertEquals("{\"changes\":[],\"next\":\"7.1\"}", nothingNew.text(), "the cursor sent, to poll again");
        });
        assertEquals(new FakeUseCases.ChangesRead(caller(), FeedCursor.START, 100), fakes.changeReads.get(0));
        assertEquals(new FakeUseCases.ChangesRead(caller(), new FeedCursor(0, 1), 1), fakes.changeReads.get(1));
    }

    @Test
    void anEmptyFeedFromTheStartSaysPollFromTheStart() {
        TestServer.with(fakes, client -> assertEquals("{\"changes\":[],\"next\":\"0.0\"}",
                client.send(Call.get(CHANGES).key(PARTNER)).text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "1", "1.", ".1", "01.0", "1.01", "-1.0", "1.2.3", "1%2C2", "+1.0", "",
            "99999999999999999999.0", "131052-308T", "maija%40example.fi"})
    void aCursorTheFeedDidNotGiveIs400AndNotEchoed(String after) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(CHANGES + "?after=" + after).key(PARTNER));
            assertEquals(400, answer.status());
            assertEquals("query.after", answer.json().at("/invalidParams/0/name").asText());
            String sent = URLDecoder.decode(after, StandardCharsets.UTF_8);
            if (sent.length() > 2) {
                assertFalse(answer.text().contains(sent), "not echoed");
            }
        });
        assertEquals(0, fakes.calls("readPartnerChanges"));
    }

    @Test
    void aChangeOfAnotherPartnerFromBehindThePortIsNeverShown() {
        fakes.readPartnerChanges = (caller, after, limit) -> List.of(new FeedEntry(new FeedCursor(0, 1),
                new PartnerChange(new PartnerId("p2"), "inv-of-p2", PartnerChange.Kind.WITHDRAWN, NOW)));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.get(CHANGES).key(PARTNER));
            assertEquals(500, answer.status());
            assertFalse(answer.text().contains("inv-of-p2"));
        });
    }

    // --- what the page of ready invitations may hold

    @Test
    void anInvitationWithoutAContactPointButWithADeliveryIsShownSo() {
        Iterator<PartnerInvitation> one = List.of(new PartnerInvitation("inv-1", InvitationState.HANDED_OVER,
                DeliveryChannel.PHONE, Optional.empty(), fi.palaute.domain.survey.Language.SV, NOW,
                Optional.of(new DeliveryReport(DeliveryOutcome.FAILED, NOW)))).iterator();
        fakes.listReadyInvitations = query -> new ReadyInvitationsPage(List.of(one.next()), Optional.of("inv-1"));
        TestServer.with(fakes, client -> assertEquals("{\"invitations\":[{\"invitationId\":\"inv-1\","
                + "\"state\":\"HANDED_OVER\",\"deliveryChannel\":\"PHONE\",\"language\":\"sv\","
                + "\"expiresAt\":\"2026-11-25T10:15:30.123Z\","
                + "\"lastDelivery\":{\"outcome\":\"FAILED\",\"at\":\"2026-11-25T10:15:30.123Z\"}}],\"next\":\"inv-1\"}",
                client.send(Call.get(INVITATIONS).key(PARTNER)).text()));
    }
}
