package fi.palaute.application.port.out;

import fi.palaute.domain.response.OnsiteAcceptance;
import java.time.Instant;
import java.util.List;

/** Customers' answers to interview invitations, by invitation (an interview meets a known customer). */
public interface OnsiteAcceptanceRepository {

    void insert(String invitationId, OnsiteAcceptance acceptance, Instant recordedAt);

    /** Removes the acceptances of these invitations (an erasure request); returns how many. */
    int deleteForInvitations(List<String> invitationIds);
}
