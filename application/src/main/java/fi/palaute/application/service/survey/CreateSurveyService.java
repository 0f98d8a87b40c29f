package fi.palaute.application.service.survey;

import fi.palaute.application.port.in.survey.CreateSurveyCommand;
import fi.palaute.application.port.in.survey.CreateSurveyResult;
import fi.palaute.application.port.in.survey.CreateSurveyUseCase;
import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class CreateSurveyService implements CreateSurveyUseCase {

    private final TransactionRunner transactions;
    private final SurveyRepository surveys;
    private final PartnerRepository partners;
    private final Clock clock;

    public CreateSurveyService(
            TransactionRunner transactions, SurveyRepository surveys, PartnerRepository partners, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.surveys = Objects.requireNonNull(surveys);
        this.partners = Objects.requireNonNull(partners);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public CreateSurveyResult create(CreateSurveyCommand command) {
        return transactions.inTransaction(() -> {
            Optional<PartnerId> unknown = PartnerCheck.unknownPartner(command.definition(), partners);
            if (unknown.isPresent()) {
                return new CreateSurveyResult.UnknownPartner(unknown.get());
            }
            Instant now = clock.instant();
            Survey survey = new Survey(new SurveyId(Ids.newId(clock)), command.definition(), SurveyState.DRAFT, now, now);
            surveys.insert(survey);
            return new CreateSurveyResult.Created(survey);
        });
    }
}
