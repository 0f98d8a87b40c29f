package fi.palaute.application.port.in.followup;

import fi.palaute.domain.followup.FollowUpView;
import java.util.Optional;

@FunctionalInterface
public interface ShowFollowUpUseCase {

    Optional<FollowUpView> show(String followUpId);
}
