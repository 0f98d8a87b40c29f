package fi.palaute.application.port.in.followup;

import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.survey.Channel;
import java.util.Objects;
import java.util.Optional;

/** Follow-ups of one channel's team and in one state, or all; oldest first, after {@code afterId} when given. */
public record ListFollowUpsQuery(Optional<Channel> channel, Optional<FollowUpState> state, Optional<String> afterId,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public ListFollowUpsQuery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(afterId, "afterId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: 1-" + MAX_LIMIT);
        }
    }
}
