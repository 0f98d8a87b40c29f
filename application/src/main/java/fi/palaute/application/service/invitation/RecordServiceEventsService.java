package fi.palaute.application.service.invitation;

import fi.palaute.application.port.in.invitation.RecordServiceEventsCommand;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult.EventOutcome;
import fi.palaute.application.port.in.invitation.RecordServiceEventsUseCase;
import fi.palaute.application.port.out.ServiceEventRepository;
import fi.palaute.application.port.out.ServiceEventRepository.EventDecision;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.EligibilityFacts;
import fi.palaute.domain.invitation.InvitationPolicy;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.invitation.ServiceEvent;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.invitation.Trigger;
import fi.palaute.domain.survey.Survey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * R-TRIGGER for a batch of service events, in one transaction: the whole batch is recorded or none of it.
 * <ol>
 *   <li>Every {@code occurredAt} is checked against the clock first; one in the future refuses the batch.</li>
 *   <li>The batch's customers are locked, so no prohibition and no other event of theirs can change the facts
 *       before this transaction commits, on any node.</li>
 *   <li>The events not seen before from this source are recorded; the others are redeliveries and get their first
 *       decisions back, create nothing, and are counted in the funnel as redelivered.</li>
 *   <li>Each new event meets every active transactional survey that listens to its channel, and each pair is
 *       decided by {@link fi.palaute.domain.invitation.EligibilityRules}.</li>
 * </ol>
 */
public final class RecordServiceEventsService implements RecordServiceEventsUseCase {

    private final InvitationStores stores;
    private final SurveyRepository surveys;
    private final ServiceEventRepository serviceEvents;
    private final InvitationPolicy policy;
    private final Clock clock;

    public RecordServiceEventsService(InvitationStores stores, SurveyRepository surveys,
            ServiceEventRepository serviceEvents, InvitationPolicy policy, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.surveys = Objects.requireNonNull(surveys);
        this.serviceEvents = Objects.requireNonNull(serviceEvents);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public RecordServiceEventsResult record(RecordServiceEventsCommand command) {
        Instant now = clock.instant();
        List<ServiceEvent> events = command.events();
        for (int i = 0; i < events.size(); i++) {
            try {
                EligibilityFacts.requireNotInFuture(events.get(i).occurredAt(), now);
            } catch (IllegalArgumentException future) {
                return new RecordServiceEventsResult.Refused(i, "occurredAt", future.getMessage());
            }
        }
        return stores.transactions().inTransaction(() -> decide(command.source(), events, now));
    }

    private RecordServiceEventsResult decide(String source, List<ServiceEvent> events, Instant now) {
        List<Survey> listening = surveys.findActiveTransactional();
        Set<CustomerId> customers = new LinkedHashSet<>();
        List<String> eventIds = new ArrayList<>(events.size());
        for (ServiceEvent event : events) {
            customers.add(event.customerId());
            eventIds.add(event.eventId());
        }
        if (!listening.isEmpty()) {
            stores.customerLocks().lock(customers);
        }
        Set<String> fresh = serviceEvents.insertNew(source, eventIds, now);
        List<String> redelivered = eventIds.stream().filter(id -> !fresh.contains(id)).toList();
        Map<String, List<SurveyDecision>> earlier =
                redelivered.isEmpty() ? Map.of() : serviceEvents.decisionsOf(source, redelivered);

        Set<CustomerId> deciding = new LinkedHashSet<>();
        if (!listening.isEmpty()) {
            events.stream().filter(event -> fresh.contains(event.eventId())).forEach(e -> deciding.add(e.customerId()));
        }
        InvitationRound round = InvitationRound.gather(deciding, now, policy, clock, stores.prohibitions(),
                stores.invitations());
        List<EventOutcome> outcomes = new ArrayList<>(events.size());
        List<EventDecision> decisions = new ArrayList<>();
        for (ServiceEvent event : events) {
            if (!fresh.contains(event.eventId())) {
                List<SurveyDecision> first = earlier.getOrDefault(event.eventId(), List.of());
                first.forEach(decision -> round.countRedelivery(decision.surveyId()));
                outcomes.add(new EventOutcome(event.eventId(), true, first));
                continue;
            }
            List<SurveyDecision> eventDecisions = new ArrayList<>();
            for (Survey survey : listening) {
                Optional<SamplingRate> rate = survey.definition().samplingRateFor(event.channel());
                if (rate.isEmpty()) {
                    continue;
                }
                Trigger trigger = new Trigger.ServiceEvent(survey.id().value(), event.channel(), event.eventId(),
                        event.occurredAt(), survey.definition().window(), rate.get());
                DecisionReason reason = round.decide(survey, trigger, event.customerId(), event.language(),
                        event.contactPoints(), Optional.of(event.channel()), event.controller());
                SurveyDecision decision = new SurveyDecision(survey.id(), reason);
                eventDecisions.add(decision);
                decisions.add(new EventDecision(event.eventId(), decision));
            }
            outcomes.add(new EventOutcome(event.eventId(), false, eventDecisions));
        }
        if (!decisions.isEmpty()) {
            serviceEvents.appendDecisions(source, decisions);
        }
        round.store(stores.invitations(), stores.bankDeliveryQueue(), stores.funnel());
        return new RecordServiceEventsResult.Recorded(outcomes);
    }
}
