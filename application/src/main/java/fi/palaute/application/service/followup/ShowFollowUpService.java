package fi.palaute.application.service.followup;

import fi.palaute.application.port.in.followup.ShowFollowUpUseCase;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.domain.followup.FollowUpView;
import java.util.Objects;
import java.util.Optional;

public final class ShowFollowUpService implements ShowFollowUpUseCase {

    private final FollowUpRepository followUps;

    public ShowFollowUpService(FollowUpRepository followUps) {
        this.followUps = Objects.requireNonNull(followUps);
    }

    @Override
    public Optional<FollowUpView> show(String followUpId) {
        return followUps.find(followUpId);
    }
}
