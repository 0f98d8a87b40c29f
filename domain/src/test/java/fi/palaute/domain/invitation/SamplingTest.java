package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.survey.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingTest {

    private static final int EVENTS = 100_000;
    private static final List<String> EVENT_IDS = randomEventIds(EVENTS, 20261125L);

    /**
     * Pinned against an independent tool, {@code printf '%s' 'survey-1|BRANCH|event-1' | sha256sum}: a change to
     * the hashed text, the hash or the bits taken would change who is asked, so it must fail here.
     */
    @Test
    void thePointIsTheTop64BitsOfSha256() {
        assertEquals(0x52de693fbccd6b84L, Sampling.point("survey-1", Channel.BRANCH, "event-1")); // 0.32370…
        assertEquals(0x809e90f6e09d31beL, Sampling.point("survey-1", Channel.CHAT, "event-1")); // 0.50241…
        assertEquals(0x48e18ac3af93c544L, Sampling.point("survey-2", Channel.BRANCH, "event-1")); // 0.28469…
    }

    @Test
    void anEventIsSampledExactlyWhenItsPointIsBelowTheRate() {
        assertTrue(Sampling.sampled("survey-1", Channel.BRANCH, "event-1", new SamplingRate(0.3238)));
        assertFalse(Sampling.sampled("survey-1", Channel.BRANCH, "event-1", new SamplingRate(0.3237)));
        // a point in the upper half, where a signed comparison would go wrong
        assertTrue(Sampling.sampled("survey-1", Channel.CHAT, "event-1", new SamplingRate(0.5025)));
        assertFalse(Sampling.sampled("survey-1", Channel.CHAT, "event-1", new SamplingRate(0.5024)));
    }

    @Test
    void thresholdsAreExactFractionsOf2To64() {
        assertEquals(0L, Sampling.threshold(SamplingRate.NONE));
        assertEquals(1L << 62, Sampling.threshold(new SamplingRate(0.25)));
        assertEquals(Long.MIN_VALUE, Sampling.threshold(new SamplingRate(0.5))); // 2^63 unsigned
        assertEquals(0xC000000000000000L, Sampling.threshold(new SamplingRate(0.75)));
        assertEquals(-2048L, Sampling.threshold(new SamplingRate(Math.nextDown(1.0)))); // 2^64 - 2^11
    }

    @Test
    void theSameInputsGiveTheSameAnswer() {
        SamplingRate half = new SamplingRate(0.5);
        List<Boolean> first = new ArrayList<>();
        for (String eventId : EVENT_IDS.subList(0, 1000)) {
            first.add(Sampling.sampled("survey-1", Channel.CHAT, eventId, half));
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(first.get(i), Sampling.sampled("survey-1", Channel.CHAT, EVENT_IDS.get(i), half));
        }
        assertTrue(first.contains(true) && first.contains(false));
    }

    @Test
    void rateZeroNeverAndRateOneAlways() {
        for (String eventId : EVENT_IDS) {
            assertFalse(Sampling.sampled("survey-1", Channel.BRANCH, eventId, SamplingRate.NONE));
            assertTrue(Sampling.sampled("survey-1", Channel.BRANCH, eventId, SamplingRate.ALL));
        }
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.001, 0.1, 0.25, 0.5, 0.75, 0.9})
    void theSampledShareIsTheRateWithinOnePercentagePoint(double rate) {
        int sampled = countSampled("survey-1", Channel.ONLINE_BANK, new SamplingRate(rate));
        assertEquals(rate, (double) sampled / EVENTS, 0.01);
    }

    @Test
    void surveysAndChannelsSampleIndependently() {
        SamplingRate half = new SamplingRate(0.5);
        int bothSurveys = 0;
        int bothChannels = 0;
        for (String eventId : EVENT_IDS) {
            boolean one = Sampling.sampled("survey-1", Channel.BRANCH, eventId, half);
            if (one && Sampling.sampled("survey-2", Channel.BRANCH, eventId, half)) {
                bothSurveys++;
            }
            if (one && Sampling.sampled("survey-1", Channel.CHAT, eventId, half)) {
                bothChannels++;
            }
        }
        // independent halves overlap in a quarter; the same hash for both would overlap in a half
        assertEquals(0.25, (double) bothSurveys / EVENTS, 0.01);
        assertEquals(0.25, (double) bothChannels / EVENTS, 0.01);
    }

    @Test
    void raisingTheRateKeepsEveryoneAlreadySampled() {
        SamplingRate low = new SamplingRate(0.1);
        SamplingRate high = new SamplingRate(0.3);
        for (String eventId : EVENT_IDS.subList(0, 10_000)) {
            if (Sampling.sampled("survey-1", Channel.CHAT, eventId, low)) {
                assertTrue(Sampling.sampled("survey-1", Channel.CHAT, eventId, high));
            }
        }
    }

    @Test
    void refusesIdsThatWouldMakeTheHashedTextAmbiguous() {
        SamplingRate half = new SamplingRate(0.5);
        assertThrows(IllegalArgumentException.class, () -> Sampling.sampled("a|b", Channel.CHAT, "e", half));
        assertThrows(IllegalArgumentException.class, () -> Sampling.sampled("", Channel.CHAT, "e", half));
        assertThrows(IllegalArgumentException.class, () -> Sampling.sampled("s", Channel.CHAT, "", half));
        assertThrows(NullPointerException.class, () -> Sampling.sampled("s", null, "e", half));
        // an event id may hold '|': the survey id and channel before it have none, so the text still splits one way
        assertNotEquals(Sampling.point("s", Channel.CHAT, "x|y"), Sampling.point("s", Channel.CHAT, "x"));
    }

    @Test
    void ratesAreFrom0To1() {
        for (double bad : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, -Double.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new SamplingRate(bad));
        }
        assertEquals(new SamplingRate(0.25), SamplingRate.perMille(250));
        assertEquals(SamplingRate.NONE, SamplingRate.perMille(0));
        assertEquals(SamplingRate.ALL, SamplingRate.perMille(1000));
        assertEquals(SamplingRate.NONE, new SamplingRate(-0.0));
        assertThrows(IllegalArgumentException.class, () -> SamplingRate.perMille(1001));
        assertThrows(IllegalArgumentException.class, () -> SamplingRate.perMille(-1));
    }

    private static int countSampled(String surveyId, Channel channel, SamplingRate rate) {
        int sampled = 0;
        for (String eventId : EVENT_IDS) {
            if (Sampling.sampled(surveyId, channel, eventId, rate)) {
                sampled++;
            }
        }
        return sampled;
    }

    /** Random but repeatable, so a failure can be reproduced. */
    private static List<String> randomEventIds(int count, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return List.copyOf(ids);
    }
}
