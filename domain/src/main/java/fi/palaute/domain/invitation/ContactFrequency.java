package fi.palaute.domain.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * How often one customer may be invited, across every survey, channel and deliverer (R-TRIGGER): not again within
 * the rest period, and not more than {@code yearlyCap} times within 365 days.
 * <p>
 * Both windows are half-open, reaching back from now: an invitation exactly one rest period (or exactly 365 days)
 * ago has left the window. An invitation recorded later than now, which another node's clock can produce, counts
 * as inside both: when in doubt, do not ask again.
 */
public record ContactFrequency(Duration restPeriod, int yearlyCap) {

    public static final Duration YEAR = Duration.ofDays(365);
    public static final ContactFrequency DEFAULT = new ContactFrequency(Duration.ofDays(30), 4);

    public ContactFrequency {
        Objects.requireNonNull(restPeriod, "restPeriod");
        if (restPeriod.isNegative() || restPeriod.compareTo(YEAR) > 0) {
            throw new IllegalArgumentException("rest period must be from 0 to 365 days");
        }
        if (yearlyCap < 1) {
            throw new IllegalArgumentException("yearly cap must be at least 1");
        }
    }

    /** True when one more invitation now would come too soon after the last or exceed the yearly cap. */
    public boolean isResting(Collection<Instant> previousInvitations, Instant now) {
        Objects.requireNonNull(previousInvitations, "previousInvitations");
        Objects.requireNonNull(now, "now");
        Instant restStart = now.minus(restPeriod);
        Instant yearStart = now.minus(YEAR);
        int inLastYear = 0;
        for (Instant invitedAt : previousInvitations) {
            Objects.requireNonNull(invitedAt, "previous invitation");
            if (invitedAt.isAfter(restStart)) {
                return true;
            }
            if (invitedAt.isAfter(yearStart)) {
                inLastYear++;
            }
        }
        return inLastYear >= yearlyCap;
    }
}
