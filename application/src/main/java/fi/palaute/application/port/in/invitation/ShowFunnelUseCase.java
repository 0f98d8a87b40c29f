package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.invitation.FunnelCount;
import java.util.List;
import java.util.Optional;

/** The survey team's funnel: per day, how many events got each reason, and how many were redelivered. */
@FunctionalInterface
public interface ShowFunnelUseCase {

    /** The non-zero counters by day and step; empty when there is no such survey. */
    Optional<List<FunnelCount>> show(ShowFunnelQuery query);
}
