package fi.palaute.domain.invitation;

import fi.palaute.domain.shared.Sha256;
import fi.palaute.domain.survey.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Deterministic sampling (R-TRIGGER): whether an event is asked about depends only on the survey, the channel and
 * the event id, so a redelivered event gets the same answer on any node, and surveys sample independently of each
 * other because the survey id is part of what is hashed.
 * <p>
 * The point of an event is the top 64 bits of SHA-256 over the UTF-8 of {@code surveyId|CHANNEL|eventId}, read as
 * an unsigned fraction of 2<sup>64</sup>; the event is sampled when that fraction is below the rate. A survey id
 * may not contain {@code |}, so the hashed text always splits back into the same three parts (channel names have
 * none either). Changing any of this changes who is asked: it is part of the stored decisions' meaning.
 */
public final class Sampling {

    private static final double TWO_TO_THE_64 = 0x1.0p64;
    private static final double TWO_TO_THE_63 = 0x1.0p63;

    private Sampling() {
    }

    public static boolean sampled(String surveyId, Channel channel, String eventId, SamplingRate rate) {
        Objects.requireNonNull(rate, "rate");
        long point = point(surveyId, channel, eventId);
        if (rate.value() == 1) {
            return true; // the threshold 2^64 does not fit in a long
        }
        return Long.compareUnsigned(point, threshold(rate)) < 0;
    }

    /** The event's place in [0, 2^64), as an unsigned long. Package-private so tests can pin it. */
    static long point(String surveyId, Channel channel, String eventId) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(eventId, "eventId");
        if (surveyId.isEmpty() || surveyId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("surveyId must be non-empty and contain no '|'");
        }
        if (eventId.isEmpty()) {
            throw new IllegalArgumentException("eventId must not be empty");
        }
        byte[] hash = Sha256.digest((surveyId + "|" + channel.name() + "|" + eventId).getBytes(StandardCharsets.UTF_8));
        long top = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            top = (top << 8) | (hash[i] & 0xFF);
        }
        return top;
    }

    /**
     * floor(rate × 2^64) as an unsigned long. The product is exact (a power-of-two scaling), and for a rate below 1
     * it is below 2^64, so the cast loses nothing but the fraction.
     */
    static long threshold(SamplingRate rate) {
        double scaled = rate.value() * TWO_TO_THE_64;
        if (scaled < TWO_TO_THE_63) {
            return (long) scaled;
        }
        return (long) (scaled - TWO_TO_THE_63) + Long.MIN_VALUE; // the upper half, past Long.MAX_VALUE
    }

}
