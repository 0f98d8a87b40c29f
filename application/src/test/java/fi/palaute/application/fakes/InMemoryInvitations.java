package fi.palaute.application.fakes;

import fi.palaute.application.port.out.BankDeliveryQueue;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitations and the bank's delivery queue in memory. */
public final class InMemoryInvitations implements InvitationRepository, BankDeliveryQueue {

    private final FakeTransactions transactions;
    public final List<Invitation> invitations = new ArrayList<>();
    public final Map<String, Instant> readyForBank = new LinkedHashMap<>();

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
    public int withdrawOpen(CustomerId customer, Instant at) {
        transactions.requireOpen();
        int withdrawn = 0;
        for (int i = 0; i < invitations.size(); i++) {
            Invitation inv = invitations.get(i);
            if (inv.customerId().equals(customer) && inv.state().isOpen()) {
                invitations.set(i, new Invitation(inv.id(), inv.surveyId(), inv.customerId(), inv.language(),
                        inv.deliveryChannel(), inv.contactPoint(), inv.deliverer(), inv.channel(), inv.controller(),
                        inv.createdAt(), inv.expiresAt(), InvitationState.WITHDRAWN));
                withdrawn++;
            }
        }
        return withdrawn;
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
