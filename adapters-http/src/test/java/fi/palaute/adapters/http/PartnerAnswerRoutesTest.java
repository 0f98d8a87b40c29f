package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.invitation;
import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.answer.RecordOnsiteAcceptanceUseCase;
import fi.palaute.application.port.in.answer.RecordPhoneAnswerUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.OnsiteAcceptance;
import fi.palaute.domain.survey.DeliveryChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers a partner records for the customer: each result of the use cases, and bad bodies that reach neither. */
class PartnerAnswerRoutesTest {

    private static final String PARTNER = keyFor(Role.PARTNER);
    private static final String INVITATIONS = "/api/v1/partner/invitations/";
    private static final String ACCEPTED =
            "{\"accepted\":true,\"meetingAt\":\"2026-12-01T14:30:00+02:00\",\"place\":\"OP Vallila, neuvotteluhuone 2\"}";

    private final FakeUseCases fakes = new FakeUseCases();

    private static Call response(String invitationId, String body) {
        return Call.post(INVITATIONS + invitationId + "/response").key(PARTNER).json(body);
    }

    private static Call onsite(String invitationId, String body) {
        return Call.post(INVITATIONS + invitationId + "/onsite-acceptance").key(PARTNER).json(body);
    }

    // --- by phone

    @Test
    void aPhoneAnswerIsRecordedAs204AndUsesTheInvitation() {
        fakes.addInvitation("p1", invitation("inv-phone", InvitationState.HANDED_OVER, DeliveryChannel.PHONE));
        TestServer.with(fakes, client -> {
            Answer answer = client.send(response("inv-phone",
                    "{\"score\":4,\"comment\":\"Jonotin pitkään\",\"contactAllowed\":true}"));
            assertEquals(204, answer.status());
            assertEquals("", answer.text());

            Answer again = client.sendBad(response("inv-phone", "{\"score\":4}"));
            assertEquals(409, again.status(), "an invitation is answered once");
            assertTrue(again.json().get("detail").asText().contains("ANSWERED"));
        });
        assertEquals(List.of(new NpsAnswer(new NpsScore(4), Optional.of("Jonotin pitkään"),
                true)), fakes.phoneAnswers);
        assertEquals("response", fakes.invitationAsks.get(0).verb());
    }

    @Test
    void contactIsNotAllowedUnlessSaidAndACommentMayBeLeftOut() {
        fakes.addInvitation("p1", invitation("inv-phone", InvitationState.HANDED_OVER, DeliveryChannel.PHONE));
        TestServer.with(fakes, client -> assertEquals(204, client.send(response("inv-phone", "{\"score\":10}"))
                .status()));
        NpsAnswer recorded = fakes.phoneAnswers.get(0);
        assertFalse(recorded.contactAllowed());
        assertEquals(Optional.empty(), recorded.comment());
    }

    @Test
    void aCommentOfExactly1000CharactersIsTaken() {
        fakes.addInvitation("p1", invitation("inv-phone", InvitationState.HANDED_OVER, DeliveryChannel.PHONE));
        TestServer.with(fakes, client -> assertEquals(204, client.send(response("inv-phone",
                "{\"score\":1,\"comment\":\"" + "ä".repeat(1000) + "\"}")).status()));
    }

    @Test
    void anInvitationThatIsNotThePartnersIsTheSame404AsEverywhere() {
        fakes.addInvitation("p2", invitation("inv-other", InvitationState.HANDED_OVER, DeliveryChannel.PHONE));
        TestServer.with(fakes, client -> {
            Answer reference = client.sendBad(Call.get(INVITATIONS + "unknown").key(PARTNER));
            for (Call call : List.of(response("inv-other", "{\"score\":5}"), response("unknown", "{\"score\":5}"),
                    onsite("inv-other", ACCEPTED), onsite("unknown", "{\"accepted\":false}"))) {
                Answer answer = client.sendBad(call);
                assertEquals(404, answer.status());
                assertEquals(reference.text(), answer.text(), "byte for byte");
            }
        });
        assertTrue(fakes.phoneAnswers.isEmpty() && fakes.onsiteAcceptances.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"EMAIL,HANDED_OVER,not a PHONE survey's", "ONSITE,HANDED_OVER,not a PHONE survey's",
            "PHONE,PENDING,state PENDING", "PHONE,EXPIRED,state EXPIRED", "PHONE,WITHDRAWN,state WITHDRAWN"})
    void aPhoneAnswerToAnInvitationThatCannotTakeOneIs409(DeliveryChannel channel, InvitationState state,
            String reason) {
        fakes.addInvitation("p1", invitation("inv-1", state, channel));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(response("inv-1", "{\"score\":5}"));
            assertEquals(409, answer.status());
            assertEquals("urn:palaute:problem:conflict", answer.json().get("type").asText());
            assertTrue(answer.json().get("detail").asText().contains(reason), answer.text());
            assertFalse(answer.text().contains("maija") || answer.text().contains("+358"), "never the customer");
        });
        assertTrue(fakes.phoneAnswers.isEmpty());
    }

    @Test
    void anInvitationHandedOverButExpiredIsNamedByTheStateTheUseCaseGives() {
        fakes.recordPhoneAnswer = (caller, id, answer) ->
                new RecordPhoneAnswerUseCase.NotAnswerable(InvitationState.HANDED_OVER);
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(response("inv-1", "{\"score\":5}"));
            assertEquals(409, answer.status());
            assertEquals("The invitation cannot take an answer in state HANDED_OVER: only a HANDED_OVER invitation"
                    + " that has not expired can. Nothing was recorded.", answer.json().get("detail").asText());
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no score                    | {}                                          | body.score",
            "null score                  | {\"score\":null}                            | body.score",
            "score over 10               | {\"score\":11}                              | body.score",
            "negative score              | {\"score\":-1}                              | body.score",
            "score as a string           | {\"score\":\"9\"}                           | body.score",
            "score as a fraction         | {\"score\":9.5}                             | body.score",
            "score too large for an int  | {\"score\":99999999999}                     | body.score",
            "comment as a number         | {\"score\":9,\"comment\":5}                 | body.comment",
            "contactAllowed as a string  | {\"score\":9,\"contactAllowed\":\"yes\"}    | body.contactAllowed",
            "mass assignment: customer   | {\"score\":9,\"customerId\":\"C-1\"}        | body.customerId",
            "mass assignment: anonymous  | {\"score\":9,\"anonymous\":true}            | body.anonymous",
            "mass assignment: channel    | {\"score\":9,\"channel\":\"BRANCH\"}        | body.channel",
            "an array                    | [9]                                         | body"})
    void aBadPhoneAnswerIs400NamingTheMemberAndRecordsNothing(String what, String body, String field) {
        fakes.addInvitation("p1", invitation("inv-phone", InvitationState.HANDED_OVER, DeliveryChannel.PHONE));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(response("inv-phone", body));
            assertEquals(400, answer.status(), what);
            assertEquals("urn:palaute:problem:validation", answer.json().get("type").asText(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
            assertFalse(answer.text().contains("C-1"), "values are not echoed");
        });
        assertEquals(0, fakes.calls("recordPhoneAnswer"), "nothing reached the use case");
    }

    @Test
    void aCommentOver1000CharactersIs400AndNotEchoed() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(response("inv-phone",
                    "{\"score\":2,\"comment\":\"" + "secret".repeat(167) + "\"}"));
            assertEquals(400, answer.status());
            assertEquals("body.comment", answer.json().at("/invalidParams/0/name").asText());
            assertFalse(answer.text().contains("secret"));
        });
        assertEquals(0, fakes.calls("recordPhoneAnswer"));
    }

    @Test
    void malformedOrMistypedBodiesAreRefused() {
        TestServer.with(fakes, client -> {
            assertEquals("urn:palaute:problem:malformed-json",
                    client.sendBad(response("inv-1", "{\"score\":")).json().get("type").asText());
            assertEquals(415, client.sendBad(Call.post(INVITATIONS + "inv-1/response").key(PARTNER)
                    .body("application/x-www-form-urlencoded", "score=9".getBytes())).status());
            assertEquals(415, client.sendBad(Call.post(INVITATIONS + "inv-1/onsite-acceptance").key(PARTNER)
                    .body("text/plain", "{}".getBytes())).status());
            assertEquals("query.score", client.sendBad(Call.post(INVITATIONS + "inv-1/response?score=9")
                    .key(PARTNER).json("{\"score\":9}")).json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.calls("recordPhoneAnswer"));
        assertEquals(0, fakes.calls("recordOnsiteAcceptance"));
    }

    // --- on site

    @Test
    void anAcceptanceWithTimeAndPlaceIsRecordedAs204() {
        fakes.addInvitation("p1", invitation("inv-onsite", InvitationState.HANDED_OVER, DeliveryChannel.ONSITE));
        TestServer.with(fakes, client -> assertEquals(204, client.send(onsite("inv-onsite", ACCEPTED)).status()));
        assertEquals(List.of(new OnsiteAcceptance.Accepted(Instant.parse("2026-12-01T12:30:00Z"),
                "OP Vallila, neuvotteluhuone 2")), fakes.onsiteAcceptances);
        assertEquals("onsite_acceptance", fakes.invitationAsks.get(0).verb());
    }

    @Test
    void aNoIsRecordedWithNeitherTimeNorPlace() {
        fakes.addInvitation("p1", invitation("inv-onsite", InvitationState.HANDED_OVER, DeliveryChannel.ONSITE));
        TestServer.with(fakes, client -> assertEquals(204,
                client.send(onsite("inv-onsite", "{\"accepted\":false}")).status()));
        assertEquals(List.of(new OnsiteAcceptance.Declined()), fakes.onsiteAcceptances);
    }

    @Test
    void aMeetingInThePastIs422NamingMeetingAt() {
        fakes.addInvitation("p1", invitation("inv-onsite", InvitationState.HANDED_OVER, DeliveryChannel.ONSITE));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(onsite("inv-onsite",
                    "{\"accepted\":true,\"meetingAt\":\"2026-11-01T10:00:00Z\",\"place\":\"Vallila\"}"));
            assertEquals(422, answer.status());
            assertEquals("urn:palaute:problem:validation", answer.json().get("type").asText());
            assertEquals("body.meetingAt", answer.json().at("/invalidParams/0/name").asText());
            assertEquals("must be in the future", answer.json().at("/invalidParams/0/reason").asText());
        });
        assertTrue(fakes.onsiteAcceptances.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"PHONE,HANDED_OVER,not an ONSITE survey's", "ONSITE,ANSWERED,state ANSWERED",
            "ONSITE,PENDING,state PENDING"})
    void anAcceptanceForAnInvitationThatCannotTakeOneIs409(DeliveryChannel channel, InvitationState state,
            String reason) {
        fakes.addInvitation("p1", invitation("inv-1", state, channel));
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(onsite("inv-1", ACCEPTED));
            assertEquals(409, answer.status());
            assertTrue(answer.json().get("detail").asText().contains(reason), answer.text());
        });
    }

    @Test
    void eachResultOfTheOnsiteUseCaseIsMapped() {
        TestServer.with(fakes, client -> {
            fakes.recordOnsiteAcceptance = (caller, id, acceptance) -> new RecordOnsiteAcceptanceUseCase.NotFound();
            assertEquals(404, client.sendBad(onsite("x", ACCEPTED)).status());
            fakes.recordOnsiteAcceptance = (caller, id, acceptance) ->
                    new RecordOnsiteAcceptanceUseCase.WrongDeliveryChannel();
            assertEquals(409, client.sendBad(onsite("x", ACCEPTED)).status());
            fakes.recordOnsiteAcceptance = (caller, id, acceptance) ->
                    new RecordOnsiteAcceptanceUseCase.MeetingInPast();
            assertEquals(422, client.sendBad(onsite("x", ACCEPTED)).status());
            fakes.recordOnsiteAcceptance = (caller, id, acceptance) -> new RecordOnsiteAcceptanceUseCase.Recorded();
            assertEquals(204, client.send(onsite("x", ACCEPTED)).status());
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "no accepted                 | {}                                                         | body.accepted",
            "accepted as a string        | {\"accepted\":\"yes\"}                                     | body.accepted",
            "yes without meetingAt       | {\"accepted\":true,\"place\":\"Vallila\"}                  | body.meetingAt",
            "yes without place           | {\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00Z\"} | body.place",
            "meetingAt without offset    | {\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00\",\"place\":\"V\"} | body.meetingAt",
            "meetingAt a date only       | {\"accepted\":true,\"meetingAt\":\"2026-12-01\",\"place\":\"V\"} | body.meetingAt",
            "meetingAt as a number       | {\"accepted\":true,\"meetingAt\":1764583200,\"place\":\"V\"} | body.meetingAt",
            "a blank place               | {\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00Z\",\"place\":\"  \"} | body.place",
            "a place with a control char | {\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00Z\",\"place\":\"a\\u0007b\"} | body.place",
            "no with a time              | {\"accepted\":false,\"meetingAt\":\"2026-12-01T10:00:00Z\"} | body.meetingAt",
            "no with a place             | {\"accepted\":false,\"place\":\"Vallila\"}                 | body.place",
            "mass assignment: customer   | {\"accepted\":false,\"customerId\":\"C-1\"}                | body.customerId",
            "mass assignment: score      | {\"accepted\":false,\"score\":10}                          | body.score"})
    void aBadAcceptanceIs400NamingTheMemberAndRecordsNothing(String what, String body, String field) {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(onsite("inv-onsite", body));
            assertEquals(400, answer.status(), what);
            assertEquals(field, answer.json().at("/invalidParams/0/name").asText(), what);
        });
        assertEquals(0, fakes.calls("recordOnsiteAcceptance"));
    }

    @Test
    void aPlaceOver200CharactersIs400() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(onsite("inv-onsite",
                    "{\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00Z\",\"place\":\"" + "p".repeat(201)
                            + "\"}"));
            assertEquals(400, answer.status());
            assertEquals("body.place", answer.json().at("/invalidParams/0/name").asText());
        });
        assertEquals(0, fakes.calls("recordOnsiteAcceptance"));
    }
}
