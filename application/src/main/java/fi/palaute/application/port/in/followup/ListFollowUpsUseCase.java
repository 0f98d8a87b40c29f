package fi.palaute.application.port.in.followup;

import fi.palaute.domain.followup.FollowUpView;
import java.util.List;
import java.util.Optional;

/** A team's list of follow-ups (R-FOLLOWUP), a page at a time. */
@FunctionalInterface
public interface ListFollowUpsUseCase {

    Page list(ListFollowUpsQuery query);

    /** {@code next} is the id to pass as {@code afterId} for the next page; empty on the last one. */
    record Page(List<FollowUpView> followUps, Optional<String> next) {

        public Page {
            followUps = List.copyOf(followUps);
        }
    }
}
