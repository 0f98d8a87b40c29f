package fi.palaute.domain.invitation;

import java.time.Duration;
import java.util.Objects;

/** The settings that shape every invitation: how often a customer may be asked, and how long a link lives. */
public record InvitationPolicy(ContactFrequency contactFrequency, Duration expiry) {

    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(14);
    public static final InvitationPolicy DEFAULT = new InvitationPolicy(ContactFrequency.DEFAULT, DEFAULT_EXPIRY);

    public InvitationPolicy {
        Objects.requireNonNull(contactFrequency, "contactFrequency");
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.compareTo(Duration.ofDays(1)) < 0 || expiry.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("invitation expiry must be from 1 to 90 days");
        }
    }
}
