package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.survey.DeliveryChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R-PARTNER: "asking for another partner's invitation answers exactly as for one that does not exist". Two partners,
 * each with PHONE and ONSITE invitations of their own in several states, ask for every id there is (their own, the
 * other's, one the bank delivers, a random one, strings that could never be an id) with every verb that names an
 * invitation, answers taken by phone and on site included. Their own get their answer; everything else gets one and
 * the same 404: status, the headers that matter and the body, byte for byte. Every id reaches the use case exactly
 * as sent, so the service decides and can audit the attempt.
 */
class PartnerIsolationMatrixTest {

    private static final String INVITATIONS = "/api/v1/partner/invitations/";
    private static final String REPORT = "{\"outcome\":\"DELIVERED\",\"at\":\"2026-11-25T12:00:00+02:00\"}";
    private static final String PHONE_ANSWER =
            "{\"score\":4,\"comment\":\"Jonotin pitkään\",\"contactAllowed\":true}";
    private static final String ACCEPTANCE =
            "{\"accepted\":true,\"meetingAt\":\"2026-12-01T10:00:00+02:00\",\"place\":\"OP Vallila\"}";
    /** Headers that differ between any two answers and say nothing about the resource. */
    private static final List<String> VARYING_HEADERS = List.of("date");

    private enum Verb {
        SHOW, REISSUE, DELIVERY, RESPONSE, ONSITE_ACCEPTANCE;

        Call call(String encodedId) {
            return switch (this) {
                case SHOW -> Call.get(INVITATIONS + encodedId);
                case REISSUE -> Call.post(INVITATIONS + encodedId + "/reissue");
                case DELIVERY -> Call.post(INVITATIONS + encodedId + "/delivery").json(REPORT);
                case RESPONSE -> Call.post(INVITATIONS + encodedId + "/response").json(PHONE_ANSWER);
                case ONSITE_ACCEPTANCE -> Call.post(INVITATIONS + encodedId + "/onsite-acceptance").json(ACCEPTANCE);
            };
        }

        String askedAs() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * What the owner of an invitation of this channel, in this state when the matrix starts, gets. The verbs
         * run in this order on each id, so an answer (the last two) finds the invitation still in that state.
         */
        int ownStatus(DeliveryChannel channel, InvitationState state) {
            boolean handedOver = state == InvitationState.HANDED_OVER;
            return switch (this) {
                case SHOW -> 200;
                case REISSUE -> handedOver ? 200 : 409;
                case DELIVERY -> handedOver ? 204 : 409;
                case RESPONSE -> channel == DeliveryChannel.PHONE && handedOver ? 204 : 409;
                case ONSITE_ACCEPTANCE -> channel == DeliveryChannel.ONSITE && handedOver ? 204 : 409;
            };
        }
    }

    private record Partner(String partnerId, String key) {
    }

    private record Cell(Partner caller, String id, Verb verb) {
        @Override
        public String toString() {
            String shown = id.length() > 40 ? id.substring(0, 20) + "…(" + id.length() + " chars)" : id;
            return caller.partnerId + " " + verb + " [" + shown + "]";
        }
    }

    private final FakeUseCases fakes = new FakeUseCases();

    @Test
    void anyInvitationButAPartnersOwnIsOneAndTheSame404() {
        Partner a = new Partner(FakeUseCases.PARTNER, FakeUseCases.keyFor(Role.PARTNER));
        Partner b = new Partner("p2", fakes.addPartnerKey("p2"));
        Map<String, Partner> owners = new LinkedHashMap<>();
        Map<String, InvitationState> states = new LinkedHashMap<>();
        Map<String, DeliveryChannel> channels = new LinkedHashMap<>();
        for (Partner partner : List.of(a, b)) {
            for (DeliveryChannel channel : List.of(DeliveryChannel.PHONE, DeliveryChannel.ONSITE)) {
                for (InvitationState state : List.of(InvitationState.HANDED_OVER, InvitationState.PENDING,
                        InvitationState.ANSWERED)) {
                    String id = UUID.nameUUIDFromBytes((partner.partnerId + channel + state)
                            .getBytes(StandardCharsets.UTF_8)).toString();
                    fakes.addInvitation(partner.partnerId, FakeUseCases.invitation(id, state, channel));
                    owners.put(id, partner);
                    states.put(id, state);
                    channels.put(id, channel);
                }
            }
        }
        String bankDelivered = "0193a1b2-0000-7000-8000-000000000001";
        fakes.addInvitation(null, bankDelivered, InvitationState.HANDED_OVER);

        List<String> ids = new ArrayList<>(owners.keySet());
        ids.add(bankDelivered);
        ids.add(UUID.randomUUID().toString());
        ids.addAll(List.of(
                "../x", "..", ".", "x".repeat(300), "131052-308T", "010594Y123W", "maija.meikalainen@example.fi",
                "+358407654321", "' OR '1'='1", "1; DROP TABLE invitations", "äiti", "a b", "a/b", "a\\b", "%",
                "%2F", "claim", "{invitationId}", "<script>", "null", "0", "-1", owners.keySet().iterator().next()
                        .toUpperCase(Locale.ROOT), " " + owners.keySet().iterator().next()));

        List<Cell> cells = new ArrayList<>();
        for (Partner caller : List.of(a, b)) {
            for (String id : ids) {
                for (Verb verb : Verb.values()) {
                    cells.add(new Cell(caller, id, verb));
                }
            }
        }

        Map<Cell, Answer> notFound = new LinkedHashMap<>();
        int[] own = new int[1];
        TestServer.with(fakes, client -> {
            for (Cell cell : cells) {
                Call call = cell.verb.call(encode(cell.id)).key(cell.caller.key);
                if (owners.get(cell.id) == cell.caller) {
                    int expected = cell.verb.ownStatus(channels.get(cell.id), states.get(cell.id));
                    Answer answer = expected < 400 ? client.send(call) : client.sendBad(call);
                    assertEquals(expected, answer.status(), cell.toString());
                    own[0]++;
                } else {
                    notFound.put(cell, client.sendBad(call));
                }
            }
        });

        Map.Entry<Cell, Answer> reference = notFound.entrySet().iterator().next();
        Answer first = reference.getValue();
        assertEquals(404, first.status());
        assertEquals("{\"type\":\"urn:palaute:problem:not-found\",\"title\":\"There is nothing here\",\"status\":404}",
                first.text());
        for (Map.Entry<Cell, Answer> entry : notFound.entrySet()) {
            Cell cell = entry.getKey();
            Answer answer = entry.getValue();
            assertEquals(first.status(), answer.status(), cell.toString());
            assertEquals(first.contentType(), answer.contentType(), cell.toString());
            assertEquals(first.text(), answer.text(), cell + ": the same body, byte for byte");
            assertEquals(headersThatMatter(first), headersThatMatter(answer), cell.toString());
            if (cell.id.length() >= 3) {
                assertFalse(answer.text().contains(cell.id), cell + ": the id is not repeated");
            }
        }

        // Nothing was filtered in front of the use case: every request reached it with the id as sent.
        assertEquals(cells.size(), fakes.invitationAsks.size(), "every request reached its use case");
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            FakeUseCases.InvitationAsk ask = fakes.invitationAsks.get(i);
            assertEquals(cell.verb.askedAs(), ask.verb(), cell.toString());
            assertEquals(cell.id, ask.invitationId(), cell.toString());
            assertEquals(new PartnerCaller(new PartnerId(cell.caller.partnerId), ask.caller().keyId()), ask.caller());
        }
        assertTrue(fakes.issuedLinks.size() == 4 && fakes.deliveryReports.size() == 4,
                "only each partner's own handed-over invitations got a new link and a report");
        assertEquals(2, fakes.phoneAnswers.size(), "only each partner's own handed-over phone invitation");
        assertEquals(2, fakes.onsiteAcceptances.size(), "only each partner's own handed-over onsite invitation");
        states.forEach((id, state) -> assertEquals(state == InvitationState.HANDED_OVER ? InvitationState.ANSWERED
                : state, fakes.invitation(id).orElseThrow().state(), id));

        System.out.printf("R-PARTNER isolation matrix: %d partners x %d invitation ids x %d verbs = %d requests;"
                        + " %d own answers, %d identical 404s%n",
                2, ids.size(), Verb.values().length, cells.size(), own[0], notFound.size());
        assertEquals(cells.size(), own[0] + notFound.size());
    }

    /** Percent-encodes all but unreserved characters; a segment of dots too, which a path would otherwise drop. */
    static String encode(String id) {
        StringBuilder out = new StringBuilder();
        boolean onlyDots = id.chars().allMatch(c -> c == '.');
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '~'
                    || (c == '.' && !onlyDots));
            if (unreserved) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static Map<String, List<String>> headersThatMatter(Answer answer) {
        Map<String, List<String>> headers = new TreeMap<>();
        answer.headers().forEach((name, values) -> {
            if (name != null && !name.startsWith(":") && !VARYING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return headers;
    }

    @Test
    void theMatrixEncodesIdsAsAClientMust() {
        assertEquals("..%2Fx", encode("../x"));
        assertEquals("%2E%2E", encode(".."));
        assertEquals("%C3%A4iti", encode("äiti"));
        assertEquals("a%20b", encode("a b"));
        assertEquals("131052-308T", encode("131052-308T"));
    }
}
