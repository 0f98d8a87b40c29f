package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What puts a customer in front of a survey: a service event, which goes through every check, or a row of a
 * study's customer list, which goes through the checks from PROHIBITED on (R-TRIGGER). A study has no event time
 * to be stale against, and no event id or listened channel to sample by: its list is the sample the survey team
 * chose, so a study never yields STALE or NOT_SAMPLED. Keeping the event's inputs on this record makes it
 * impossible to hand a study a sampling rate it would ignore.
 */
public sealed interface Trigger {

    Duration DEFAULT_WINDOW = Duration.ofDays(7);

    /** Too old to ask about. */
    boolean isStaleAt(Instant now);

    /** Chosen by sampling. */
    boolean isSampled();

    /**
     * A service event for one survey that listens to its channel: the event's id and time, the survey's window
     * and the survey's sampling rate for that channel.
     */
    record ServiceEvent(
            String surveyId, Channel channel, String eventId, Instant occurredAt, Duration window, SamplingRate rate)
            implements Trigger {

        public ServiceEvent {
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(rate, "rate");
            if (surveyId.isEmpty() || surveyId.indexOf('|') >= 0) {
                throw new IllegalArgumentException("surveyId must be non-empty and contain no '|'");
            }
            if (eventId.isEmpty()) {
                throw new IllegalArgumentException("eventId must not be empty");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
        }

        /** Older than the window: an event exactly one window old is still in time. */
        @Override
        public boolean isStaleAt(Instant now) {
            return Duration.between(occurredAt, now).compareTo(window) > 0;
        }

        @Override
        public boolean isSampled() {
            return Sampling.sampled(surveyId, channel, eventId, rate);
        }
    }

    /** A row of a study's customer list. */
    record Study() implements Trigger {
        @Override
        public boolean isStaleAt(Instant now) {
            return false;
        }

        @Override
        public boolean isSampled() {
            return true;
        }
    }
}
