package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.SubmitAnswerCommand;
import fi.palaute.application.port.in.answer.SubmitAnswerUseCase;
import fi.palaute.application.port.out.LinkTarget;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.survey.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class SubmitAnswerService implements SubmitAnswerUseCase {

    private final AnswerStores stores;
    private final Clock clock;

    public SubmitAnswerService(AnswerStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result submit(SubmitAnswerCommand command) {
        SurveyToken token = SurveyToken.presented(command.token());
        return stores.transactions().inTransaction(() -> {
            Instant now = clock.instant();
            Optional<LinkTarget> answerable = OpenSurveyService.answerable(stores, token, now);
            if (answerable.isEmpty()) {
                return new NotAnswerable();
            }
            LinkTarget target = answerable.get();
            if (!InvitationUse.use(stores, target.invitation(), target.anonymous(), now)) {
                return new NotAnswerable(); // another submission used it first
            }
            // the page may have been switched to another of the survey's languages
            Language language = target.languages().contains(command.language())
                    ? command.language() : target.invitation().language();
            AnswerRecording.store(stores, clock, target.invitation(), target.anonymous(), command.answer(), language,
                    now);
            return new Answered(language, target.anonymous());
        });
    }
}
