package fi.palaute.application.fakes;

import fi.palaute.application.port.out.BankDeliveryQueue;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.LinkTarget;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.PartnerInvitation;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Invitations and the bank's delivery queue in memory. */
public final class InMemoryInvitations implements InvitationRepository, BankDeliveryQueue {

    private final FakeTransactions transactions;
    public final List<Invitation> invitations = new ArrayList<>();
    public final Map<String, Instant> readyForBank = new LinkedHashMap<>();
    /** The hash of each handed-over invitation's current token, by invitation id. */
    public final Map<String, TokenHash> tokens = new HashMap<>();
    public final Map<String, DeliveryReport> deliveries = new HashMap<>();
    /** How often a token was looked up, for tests of what an unanswerable link costs. */
    public int tokenLookups;
    /** The state time {@link #markAnswered} wrote, by invitation. */
    public final Map<String, Instant> answeredAt = new HashMap<>();

    public InMemoryInvitations(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insertAll(List<Invitation> added) {
        transactions.requireOpen();
        invitations.addAll(added);
    }

    @Override
    public Map<CustomerId, List<Instant>> invitedSince(Collection<CustomerId> customers, Instant since) {
        Map<CustomerId, List<Instant>> found = new HashMap<>();
        for (Invitation invitation : invitations) {
            if (customers.contains(invitation.customerId()) && invitation.createdAt().isAfter(since)) {
                found.computeIfAbsent(invitation.customerId(), c -> new ArrayList<>()).add(invitation.createdAt());
            }
        }
        return found;
    }

    @Override
    public List<Invitation> withdrawOpen(CustomerId customer, Instant at) {
        transactions.requireOpen();
        List<Invitation> withdrawn = new ArrayList<>();
        for (int i = 0; i < invitations.size(); i++) {
            Invitation inv = invitations.get(i);
            if (inv.customerId().equals(customer) && inv.state().isOpen()) {
                invitations.set(i, inv.ended(InvitationState.WITHDRAWN));
                withdrawn.add(invitations.get(i));
                tokens.remove(inv.id());
            }
        }
        return withdrawn;
    }

    private static Invitation inState(Invitation inv, InvitationState state) {
        return new Invitation(inv.id(), inv.surveyId(), inv.customerId(), inv.language(), inv.deliveryChannel(),
                inv.contactPoint(), inv.deliverer(), inv.channel(), inv.controller(), inv.createdAt(), inv.expiresAt(),
                state);
    }

    private Stream<Invitation> ofPartner(PartnerId partnerId) {
        return invitations.stream()
                .filter(i -> i.deliverer() instanceof Deliverer.Partner p && p.partnerId().equals(partnerId))
                .sorted(Comparator.comparing(Invitation::id));
    }

    private PartnerInvitation view(Invitation i) {
        return new PartnerInvitation(i.id(), i.state(), i.deliveryChannel(), i.contactPoint(),
                i.language(), i.expiresAt(), Optional.ofNullable(deliveries.get(i.id())));
    }

    @Override
    public List<Invitation> expireDue(Instant now) {
        transactions.requireOpen();
        List<Invitation> expired = new ArrayList<>();
        for (int i = 0; i < invitations.size(); i++) {
            Invitation inv = invitations.get(i);
            if (inv.state().isOpen() && !inv.expiresAt().isAfter(now)) {
                invitations.set(i, inv.ended(InvitationState.EXPIRED));
                expired.add(invitations.get(i));
                tokens.remove(inv.id());
            }
        }
        return expired;
    }

    @Override
    public List<String> deleteByCustomer(CustomerId customer) {
        transactions.requireOpen();
        List<String> removed = invitations.stream().filter(i -> i.customerId().equals(customer)).map(Invitation::id)
                .toList();
        invitations.removeIf(i -> i.customerId().equals(customer));
        removed.forEach(id -> {
            readyForBank.remove(id);
            tokens.remove(id);
            deliveries.remove(id);
        });
        return removed;
    }

    @Override
    public int eraseEndedContactPoints() {
        transactions.requireOpen();
        int erased = 0;
        for (int i = 0; i < invitations.size(); i++) {
            Invitation inv = invitations.get(i);
            if (!inv.state().isOpen() && inv.contactPoint().isPresent()) {
                invitations.set(i, inv.ended(inv.state()));
                erased++;
            }
        }
        return erased;
    }

    @Override
    public List<PartnerInvitation> findReadyForPartner(PartnerId partnerId, Instant now, Optional<String> afterId,
            int limit) {
        return ofPartner(partnerId)
                .filter(i -> i.state() == InvitationState.PENDING && i.expiresAt().isAfter(now))
                .filter(i -> afterId.isEmpty() || i.id().compareTo(afterId.get()) > 0)
                .limit(limit)
                .map(this::view)
                .toList();
    }

    @Override
    public List<Invitation> lockReadyForPartner(PartnerId partnerId, Instant now, int limit) {
        transactions.requireOpen();
        return ofPartner(partnerId)
                .filter(i -> i.state() == InvitationState.PENDING && i.expiresAt().isAfter(now))
                .limit(limit)
                .toList();
    }

    @Override
    public void handOver(Map<String, TokenHash> handedOver, Instant at) {
        transactions.requireOpen();
        for (int i = 0; i < invitations.size(); i++) {
            Invitation inv = invitations.get(i);
            if (handedOver.containsKey(inv.id())) {
                invitations.set(i, inState(inv, InvitationState.HANDED_OVER));
                tokens.put(inv.id(), handedOver.get(inv.id()));
            }
        }
    }

    @Override
    public Optional<PartnerInvitation> findForPartner(PartnerId partnerId, String invitationId) {
        return ofPartner(partnerId).filter(i -> i.id().equals(invitationId)).findFirst().map(this::view);
    }

    @Override
    public Optional<Invitation> lockForPartner(PartnerId partnerId, String invitationId) {
        transactions.requireOpen();
        return ofPartner(partnerId).filter(i -> i.id().equals(invitationId)).findFirst();
    }

    @Override
    public void replaceToken(String invitationId, TokenHash tokenHash, Instant at) {
        transactions.requireOpen();
        tokens.put(invitationId, tokenHash);
    }

    /** Where {@link #findLinkTarget} finds an invitation's survey (a database joins it); none until a test sets it. */
    public Function<SurveyId, Optional<Survey>> surveys = id -> {
        throw new IllegalStateException("no surveys given to InMemoryInvitations");
    };

    @Override
    public Optional<LinkTarget> findLinkTarget(TokenHash tokenHash) {
        tokenLookups++;
        return tokens.entrySet().stream().filter(e -> e.getValue().equals(tokenHash)).findFirst()
                .flatMap(e -> find(e.getKey()))
                .flatMap(invitation -> surveys.apply(invitation.surveyId())
                        .map(survey -> new LinkTarget(invitation, survey.state(), survey.definition().anonymous(),
                                survey.definition().languages())));
    }

    @Override
    public boolean markAnswered(String invitationId, Instant now, Instant recordedAt) {
        transactions.requireOpen();
        for (int i = 0; i < invitations.size(); i++) {
            Invitation inv = invitations.get(i);
            if (inv.id().equals(invitationId) && inv.state() == InvitationState.HANDED_OVER
                    && inv.expiresAt().isAfter(now)) {
                invitations.set(i, inv.ended(InvitationState.ANSWERED));
                tokens.remove(invitationId);
                answeredAt.put(invitationId, recordedAt);
                return true;
            }
        }
        return false;
    }

    @Override
    public void recordDelivery(String invitationId, DeliveryReport report) {
        transactions.requireOpen();
        deliveries.put(invitationId, report);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        return invitations.stream().filter(i -> i.id().equals(invitationId)).findFirst();
    }

    @Override
    public List<Invitation> findByCustomer(CustomerId customer) {
        return invitations.stream().filter(i -> i.customerId().equals(customer)).toList();
    }

    @Override
    public void markReady(Collection<String> invitationIds, Instant readyAt) {
        transactions.requireOpen();
        invitationIds.forEach(id -> readyForBank.put(id, readyAt));
    }

    @Override
    public long countReady() {
        return readyForBank.size();
    }

    /** Seeds invitations as if an earlier transaction had made them. */
    public void seed(List<Invitation> earlier) {
        transactions.inTransaction(() -> {
            insertAll(earlier);
            return null;
        });
    }
}
