package fi.palaute.application.service.followup;

import fi.palaute.application.port.in.followup.ListFollowUpsQuery;
import fi.palaute.application.port.in.followup.ListFollowUpsUseCase;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.domain.followup.FollowUpView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListFollowUpsService implements ListFollowUpsUseCase {

    private final FollowUpRepository followUps;

    public ListFollowUpsService(FollowUpRepository followUps) {
        this.followUps = Objects.requireNonNull(followUps);
    }

    @Override
    public Page list(ListFollowUpsQuery query) {
        // one more than asked tells whether there is a next page without a count
        List<FollowUpView> found = followUps.list(query.channel(), query.state(), query.afterId(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, Optional.empty());
        }
        List<FollowUpView> page = found.subList(0, query.limit());
        return new Page(page, Optional.of(page.get(page.size() - 1).followUp().id()));
    }
}
