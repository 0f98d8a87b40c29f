package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.OpenSurveyUseCase;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Reads only: a mail scanner opening the link changes nothing. */
public final class OpenSurveyService implements OpenSurveyUseCase {

    private final AnswerStores stores;
    private final Clock clock;

    public OpenSurveyService(AnswerStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result open(String token) {
        Optional<Answering> answering = Answering.find(stores, SurveyToken.presented(token), clock.instant());
        if (answering.isEmpty()) {
            return new NotAnswerable();
        }
        Survey survey = answering.get().survey();
        return new Answerable(answering.get().invitation().language(), survey.definition().languages(),
                survey.definition().anonymous());
    }

    /** An invitation that can be answered now, with its survey. */
    record Answering(Invitation invitation, Survey survey) {

        /**
         * Every token, well-formed or not, is hashed and looked up by the same single indexed read; what makes one
         * unanswerable (used, expired, withdrawn, unknown, its survey closed) is decided after it, in memory.
         */
        static Optional<Answering> find(AnswerStores stores, SurveyToken token, Instant now) {
            Optional<Invitation> invitation = stores.invitations().findByTokenHash(token.hash())
                    .filter(found -> InvitationUse.answerable(found, now));
            if (invitation.isEmpty()) {
                return Optional.empty();
            }
            return stores.surveys().find(invitation.get().surveyId())
                    .filter(survey -> survey.state() != SurveyState.CLOSED)
                    .map(survey -> new Answering(invitation.get(), survey));
        }
    }
}
