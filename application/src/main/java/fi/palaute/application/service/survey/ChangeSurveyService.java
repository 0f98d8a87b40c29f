package fi.palaute.application.service.survey;

import fi.palaute.application.port.in.survey.ChangeSurveyCommand;
import fi.palaute.application.port.in.survey.ChangeSurveyResult;
import fi.palaute.application.port.in.survey.ChangeSurveyUseCase;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replaces a survey's definition and state. Going (or staying) active needs a saved template for every written
 * channel and language the survey uses (R-TEMPLATE); templates can only be replaced by checked ones, never removed,
 * so the check cannot be undone behind the survey's back.
 */
public final class ChangeSurveyService implements ChangeSurveyUseCase {

    private final TransactionRunner transactions;
    private final SurveyRepository surveys;
    private final PartnerRepository partners;
    private final TemplateRepository templates;
    private final Clock clock;

    public ChangeSurveyService(TransactionRunner transactions, SurveyRepository surveys, PartnerRepository partners,
            TemplateRepository templates, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.surveys = Objects.requireNonNull(surveys);
        this.partners = Objects.requireNonNull(partners);
        this.templates = Objects.requireNonNull(templates);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public ChangeSurveyResult change(ChangeSurveyCommand command) {
        return transactions.inTransaction(() -> {
            Optional<Survey> found = surveys.find(command.surveyId());
            if (found.isEmpty()) {
                return new ChangeSurveyResult.NotFound();
            }
            Survey survey = found.get();
            Optional<String> refusal = survey.refusalOf(command.definition(), command.state());
            if (refusal.isPresent()) {
                return new ChangeSurveyResult.Refused(refusal.get());
            }
            Optional<PartnerId> unknown = PartnerCheck.unknownPartner(command.definition(), partners);
            if (unknown.isPresent()) {
                return new ChangeSurveyResult.UnknownPartner(unknown.get());
            }
            if (command.state() == SurveyState.ACTIVE) {
                Set<TemplateSlot> saved = templates.findBySurvey(survey.id()).stream()
                        .map(InvitationTemplate::slot)
                        .collect(Collectors.toSet());
                List<TemplateSlot> missing = command.definition().requiredTemplates().stream()
                        .filter(slot -> !saved.contains(slot))
                        .toList();
                if (!missing.isEmpty()) {
                    return new ChangeSurveyResult.MissingTemplates(missing);
                }
            }
            Survey changed = survey.changedTo(command.definition(), command.state(), clock.instant());
            if (!surveys.update(changed)) {
                throw new IllegalStateException("a survey vanished inside its own transaction");
            }
            return new ChangeSurveyResult.Changed(changed);
        });
    }
}
