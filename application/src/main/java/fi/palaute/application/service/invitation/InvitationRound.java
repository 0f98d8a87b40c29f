package fi.palaute.application.service.invitation;

import fi.palaute.application.port.out.BankDeliveryQueue;
import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactFrequency;
import fi.palaute.domain.invitation.ContactPoints;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.Decision;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.EligibilityFacts;
import fi.palaute.domain.invitation.EligibilityRules;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationPolicy;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.Trigger;
import fi.palaute.domain.shared.FinnishTime;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One round of decisions inside one transaction, for a batch of events or a study list: the facts every decision
 * needs are read once for all customers (two queries, not two per customer), each invitation made in the round
 * counts against the same customer's later rows at once, and everything made is stored together at the end.
 * The caller must hold the customers' locks ({@code CustomerLocks}) before {@link #gather}, so that what is read
 * stays true until the transaction commits, on every node.
 */
final class InvitationRound {

    private final Instant now;
    private final LocalDate today;
    private final InvitationPolicy policy;
    private final Clock clock;
    private final Set<CustomerId> prohibited;
    private final Map<CustomerId, List<Instant>> invitedAt;
    private final List<Invitation> invitations = new ArrayList<>();
    private final Map<SurveyId, Map<FunnelStep, Long>> funnel = new LinkedHashMap<>();

    private InvitationRound(Instant now, InvitationPolicy policy, Clock clock, Set<CustomerId> prohibited,
            Map<CustomerId, List<Instant>> invitedAt) {
        this.now = now;
        this.today = FinnishTime.dayOf(now);
        this.policy = policy;
        this.clock = clock;
        this.prohibited = prohibited;
        this.invitedAt = new HashMap<>(invitedAt);
    }

    /** Reads, for these customers, what the rules need: prohibitions, and invitations within the last year. */
    static InvitationRound gather(Collection<CustomerId> customers, Instant now, InvitationPolicy policy, Clock clock,
            ProhibitionRepository prohibitions, InvitationRepository invitations) {
        if (customers.isEmpty()) {
            return new InvitationRound(now, policy, clock, Set.of(), Map.of());
        }
        return new InvitationRound(now, policy, clock, prohibitions.findProhibited(customers),
                invitations.invitedSince(customers, now.minus(ContactFrequency.YEAR)));
    }

    /**
     * Decides for one customer and survey, counts the reason in the funnel, and makes the invitation when the answer
     * is yes.
     */
    DecisionReason decide(Survey survey, Trigger trigger, CustomerId customer, Language wanted,
            ContactPoints contactPoints, Optional<Channel> channel, Controller controller) {
        SurveyDefinition definition = survey.definition();
        List<Instant> previous = invitedAt.getOrDefault(customer, List.of());
        Decision decision = EligibilityRules.decide(new EligibilityFacts(trigger, now, prohibited.contains(customer),
                previous, policy.contactFrequency(), contactPoints, definition.deliveryChannel()));
        if (decision instanceof Decision.Invited invited) {
            invitations.add(new Invitation(Ids.newId(clock), survey.id(), customer, definition.languageFor(wanted),
                    definition.deliveryChannel(), Optional.of(invited.contactPoint()), definition.deliverer(), channel, controller,
                    now, now.plus(policy.expiry()), InvitationState.PENDING));
            List<Instant> withThis = new ArrayList<>(previous);
            withThis.add(now);
            invitedAt.put(customer, withThis);
        }
        count(survey.id(), FunnelStep.of(decision.reason()));
        return decision.reason();
    }

    void countRedelivery(SurveyId surveyId) {
        count(surveyId, FunnelStep.REDELIVERED);
    }

    private void count(SurveyId surveyId, FunnelStep step) {
        funnel.computeIfAbsent(surveyId, id -> new LinkedHashMap<>()).merge(step, 1L, Long::sum);
    }

    /** Stores the invitations made, queues those the bank delivers itself, and adds to the funnel. */
    void store(InvitationRepository invitationRepository, BankDeliveryQueue bankQueue, FunnelRepository funnelRepository) {
        if (!invitations.isEmpty()) {
            invitationRepository.insertAll(invitations);
            List<String> bankDelivered = invitations.stream()
                    .filter(invitation -> invitation.deliverer() instanceof Deliverer.Bank)
                    .map(Invitation::id)
                    .toList();
            if (!bankDelivered.isEmpty()) {
                bankQueue.markReady(bankDelivered, now);
            }
        }
        List<FunnelCount> counts = new ArrayList<>();
        funnel.forEach((surveyId, steps) -> steps.forEach(
                (step, count) -> counts.add(new FunnelCount(surveyId, today, step, count))));
        if (!counts.isEmpty()) {
            funnelRepository.add(counts);
        }
    }
}
