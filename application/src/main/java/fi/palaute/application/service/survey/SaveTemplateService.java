package fi.palaute.application.service.survey;

import fi.palaute.application.port.in.survey.SaveTemplateCommand;
import fi.palaute.application.port.in.survey.SaveTemplateResult;
import fi.palaute.application.port.in.survey.SaveTemplateUseCase;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateCheck;
import fi.palaute.domain.survey.TemplateCheckResult;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

public final class SaveTemplateService implements SaveTemplateUseCase {

    private final TransactionRunner transactions;
    private final SurveyRepository surveys;
    private final TemplateRepository templates;
    private final Clock clock;

    public SaveTemplateService(
            TransactionRunner transactions, SurveyRepository surveys, TemplateRepository templates, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.surveys = Objects.requireNonNull(surveys);
        this.templates = Objects.requireNonNull(templates);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public SaveTemplateResult save(SaveTemplateCommand command) {
        // Checked before the transaction: the check is pure and the slowest part, and needs no lock.
        TemplateCheckResult check = TemplateCheck.check(command.slot().channel(), command.subject(), command.body());
        return transactions.inTransaction(() -> {
            Optional<Survey> survey = surveys.find(command.surveyId());
            if (survey.isEmpty()) {
                return new SaveTemplateResult.NoSuchSurvey();
            }
            if (survey.get().state() == SurveyState.CLOSED) {
                return new SaveTemplateResult.SurveyClosed();
            }
            if (check instanceof TemplateCheckResult.Refused refused) {
                return new SaveTemplateResult.Refused(refused.violations());
            }
            InvitationTemplate template = new InvitationTemplate(command.surveyId(), command.slot(),
                    command.subject(), command.body(), clock.instant());
            templates.save(template);
            return new SaveTemplateResult.Saved(template);
        });
    }
}
