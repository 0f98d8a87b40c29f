package fi.palaute.application.port.out;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.PartnerInvitation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface InvitationRepository {

    void insertAll(List<Invitation> invitations);

    /**
     * When each of these customers was invited since {@code since}, to any survey and in any state (a withdrawn or
     * answered invitation still asked the customer). Customers never invited are absent from the map.
     */
    Map<CustomerId, List<Instant>> invitedSince(Collection<CustomerId> customers, Instant since);

    /**
     * Marks every open (pending or handed-over) invitation of the customer withdrawn and erases its contact point, in
     * one statement; returns them as they are now.
     */
    List<Invitation> withdrawOpen(CustomerId customer, Instant at);

    Optional<Invitation> find(String invitationId);

    /** The customer's invitations, oldest first. */
    List<Invitation> findByCustomer(CustomerId customer);

    /**
     * Ends every open invitation whose expiry has come ({@code expiresAt <= now}): expired, its contact point erased,
     * in one statement; returns them as they are now. Safe to run on several nodes at once: an invitation another
     * run ended first is not ended again.
     */
    List<Invitation> expireDue(Instant now);

    /**
     * Removes every invitation of the customer, with its place in the bank's delivery queue (an erasure request);
     * returns the removed invitations' ids.
     */
    List<String> deleteByCustomer(CustomerId customer);

    /** Erases the contact point of every ended invitation that still has one; returns how many. */
    int eraseEndedContactPoints();

    /** The partner's pending invitations not yet expired at {@code now}, by id, after {@code afterId} when given. */
    List<PartnerInvitation> findReadyForPartner(PartnerId partnerId, Instant now, Optional<String> afterId, int limit);

    /**
     * Locks up to {@code limit} of the partner's pending invitations not yet expired at {@code now}, by id, and
     * returns them; invitations another transaction holds are skipped, not waited for, so concurrent claims never
     * hand out one invitation twice. Inside a transaction.
     */
    List<Invitation> lockReadyForPartner(PartnerId partnerId, Instant now, int limit);

    /** Marks these locked invitations handed over, each with the hash of its new token. */
    void handOver(Map<String, TokenHash> tokens, Instant at);

    /** The partner's own invitation with this id, as the partner may see it; empty for any other id. */
    Optional<PartnerInvitation> findForPartner(PartnerId partnerId, String invitationId);

    /** The partner's own invitation with this id, locked until the transaction ends; empty for any other id. */
    Optional<Invitation> lockForPartner(PartnerId partnerId, String invitationId);

    /** Gives a handed-over invitation a new token; the old one stops working in the same statement. */
    void replaceToken(String invitationId, TokenHash tokenHash, Instant at);

    /**
     * The invitation whose current token has this hash, in any state, with its survey's state, anonymity and
     * languages. One indexed read (the survey joined on its key), whatever the answer, so a used, expired, withdrawn
     * or unknown token take the same time.
     */
    Optional<LinkTarget> findLinkTarget(TokenHash tokenHash);

    /**
     * Uses a handed-over invitation that has not expired at {@code now}: ANSWERED, its contact point and token hash
     * erased, its state time set to {@code recordedAt}, in one conditional statement. Returns false, changing
     * nothing, when it was not handed over or has expired, so of any number of racing calls exactly one wins.
     */
    boolean markAnswered(String invitationId, Instant now, Instant recordedAt);

    /** Records the partner's latest delivery report on an invitation. */
    void recordDelivery(String invitationId, DeliveryReport report);
}
