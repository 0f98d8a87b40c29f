package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.answer.OptOutBySurveyLinkUseCase;
import fi.palaute.application.port.in.consent.SetProhibitionCommand;
import fi.palaute.application.port.in.consent.SetProhibitionUseCase;
import fi.palaute.application.port.out.LinkTarget;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.invitation.SurveyToken;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the customer behind a link that can still be answered, then sets their prohibition exactly as My Profile
 * or customer service would, through the same use case (withdrawals, follow-ups and partner feeds included).
 */
public final class OptOutBySurveyLinkService implements OptOutBySurveyLinkUseCase {

    private final AnswerStores stores;
    private final SetProhibitionUseCase setProhibition;
    private final Clock clock;

    public OptOutBySurveyLinkService(AnswerStores stores, SetProhibitionUseCase setProhibition, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.setProhibition = Objects.requireNonNull(setProhibition);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result optOut(String token) {
        Optional<LinkTarget> target = OpenSurveyService.answerable(stores, SurveyToken.presented(token),
                clock.instant());
        if (target.isEmpty()) {
            return new NotAnswerable();
        }
        // Not atomic with the look-up, and need not be: if the link is used meanwhile, the customer still asked.
        setProhibition.set(new SetProhibitionCommand(target.get().invitation().customerId(),
                new ProhibitionActor.SurveyLink()));
        return new Prohibited(target.get().invitation().language());
    }
}
