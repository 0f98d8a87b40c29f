package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.OpenSurveyUseCase;
import fi.palaute.application.port.out.LinkTarget;
import fi.palaute.domain.invitation.SurveyToken;
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
        Optional<LinkTarget> target = answerable(stores, SurveyToken.presented(token), clock.instant());
        if (target.isEmpty()) {
            return new NotAnswerable();
        }
        return new Answerable(target.get().invitation().language(), target.get().languages(),
                target.get().anonymous());
    }

    /**
     * What the link leads to, if it can be answered now. Every token, well-formed or not, is hashed and looked up by
     * the same single indexed read; what makes one unanswerable (used, expired, withdrawn, unknown, its survey
     * closed) is decided after it, in memory.
     */
    static Optional<LinkTarget> answerable(AnswerStores stores, SurveyToken token, Instant now) {
        return stores.invitations().findLinkTarget(token.hash())
                .filter(target -> InvitationUse.answerable(target.invitation(), now)
                        && target.surveyState() != SurveyState.CLOSED);
    }
}
