package fi.palaute.application.service.invitation;

import fi.palaute.application.port.in.invitation.StartStudyCommand;
import fi.palaute.application.port.in.invitation.StartStudyResult;
import fi.palaute.application.port.in.invitation.StartStudyResult.InviteeOutcome;
import fi.palaute.application.port.in.invitation.StartStudyUseCase;
import fi.palaute.application.port.in.invitation.StudyInvitee;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.InvitationPolicy;
import fi.palaute.domain.invitation.Trigger;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A study's customer list goes through the same rules as events, from PROHIBITED on, in one transaction. */
public final class StartStudyService implements StartStudyUseCase {

    private final InvitationStores stores;
    private final SurveyRepository surveys;
    private final InvitationPolicy policy;
    private final Clock clock;

    public StartStudyService(InvitationStores stores, SurveyRepository surveys, InvitationPolicy policy, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.surveys = Objects.requireNonNull(surveys);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public StartStudyResult start(StartStudyCommand command) {
        return stores.transactions().inTransaction(() -> {
            Optional<Survey> found = surveys.find(command.surveyId());
            if (found.isEmpty()) {
                return new StartStudyResult.NoSuchSurvey();
            }
            Survey survey = found.get();
            if (survey.definition().kind() != SurveyKind.STUDY) {
                return new StartStudyResult.NotStartable(
                        "the survey is TRANSACTIONAL: its invitations come from service events, not from a list");
            }
            if (!survey.isActive()) {
                return new StartStudyResult.NotStartable(
                        "the survey is " + survey.state() + ": only an ACTIVE study invites anyone");
            }
            List<CustomerId> customers = command.invitees().stream().map(StudyInvitee::customerId).toList();
            stores.customerLocks().lock(customers);
            Instant now = clock.instant();
            InvitationRound round = InvitationRound.gather(customers, now, policy, clock, stores.prohibitions(),
                    stores.invitations());
            List<InviteeOutcome> outcomes = new ArrayList<>(customers.size());
            for (StudyInvitee invitee : command.invitees()) {
                DecisionReason reason = round.decide(survey, new Trigger.Study(), invitee.customerId(),
                        invitee.language().orElse(survey.definition().languages().get(0)), invitee.contactPoints(),
                        Optional.empty(), command.controller());
                outcomes.add(new InviteeOutcome(invitee.customerId(), reason));
            }
            round.store(stores.invitations(), stores.bankDeliveryQueue(), stores.funnel());
            return new StartStudyResult.Started(outcomes);
        });
    }
}
