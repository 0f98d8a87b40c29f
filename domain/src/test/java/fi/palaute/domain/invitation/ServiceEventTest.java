package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceEventTest {

    private static ServiceEvent withId(String eventId) {
        return new ServiceEvent(eventId, new CustomerId("C-1"), Channel.CHAT, Instant.parse("2026-11-25T10:00:00.123456Z"),
                new Controller("OP-Retail"), Language.FI, ContactPoints.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a|b", "with space", "ä"})
    void eventIdsAreShortPrintableTokens(String eventId) {
        assertThrows(IllegalArgumentException.class, () -> withId(eventId));
    }

    @Test
    void longestEventIdAndTimeAtMillisecondPrecision() {
        ServiceEvent event = withId("x".repeat(ServiceEvent.MAX_EVENT_ID_LENGTH));
        assertEquals(Instant.parse("2026-11-25T10:00:00.123Z"), event.occurredAt());
        assertThrows(IllegalArgumentException.class, () -> withId("x".repeat(ServiceEvent.MAX_EVENT_ID_LENGTH + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "OP Retail", "x|y", "ö"})
    void controllersAreCodes(String value) {
        assertThrows(IllegalArgumentException.class, () -> new Controller(value));
    }

    @Test
    void everyDecisionReasonHasAFunnelStepAndRedeliveryIsOneMore() {
        for (DecisionReason reason : DecisionReason.values()) {
            assertEquals(reason.name(), FunnelStep.of(reason).name());
        }
        assertEquals(DecisionReason.values().length + 1, FunnelStep.values().length);
    }
}
