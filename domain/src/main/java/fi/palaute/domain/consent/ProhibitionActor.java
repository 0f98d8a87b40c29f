package fi.palaute.domain.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * Who changes a prohibition. Only My Profile and customer service may lift one; a survey link may only set it,
 * so it is not a {@link LiftingActor} and a lift by survey link cannot even be written down.
 */
public sealed interface ProhibitionActor {

    ProhibitionSource source();

    default Optional<AgentId> agent() {
        return Optional.empty();
    }

    default Optional<ProfileChannel> profileChannel() {
        return Optional.empty();
    }

    /** Actors allowed to lift a prohibition as well as set it. */
    sealed interface LiftingActor extends ProhibitionActor {
    }

    record CustomerServiceAgent(AgentId agentId) implements LiftingActor {
        public CustomerServiceAgent {
            Objects.requireNonNull(agentId, "agentId");
        }

        @Override
        public ProhibitionSource source() {
            return ProhibitionSource.CUSTOMER_SERVICE;
        }

        @Override
        public Optional<AgentId> agent() {
            return Optional.of(agentId);
        }
    }

    /** The customer in My Profile; the channel is optional when lifting, since the profile back end may omit it. */
    record MyProfile(Optional<ProfileChannel> channel) implements LiftingActor {
        public MyProfile {
            Objects.requireNonNull(channel, "channel");
        }

        public MyProfile(ProfileChannel channel) {
            this(Optional.of(channel));
        }

        @Override
        public ProhibitionSource source() {
            return ProhibitionSource.MY_PROFILE;
        }

        @Override
        public Optional<ProfileChannel> profileChannel() {
            return channel;
        }
    }

    record SurveyLink() implements ProhibitionActor {
        @Override
        public ProhibitionSource source() {
            return ProhibitionSource.SURVEY_LINK;
        }
    }

    /** Rebuilds an actor from its stored parts, refusing combinations no door can produce. */
    static ProhibitionActor of(ProhibitionSource source, Optional<AgentId> agent, Optional<ProfileChannel> channel) {
        Objects.requireNonNull(source, "source");
        if (source == ProhibitionSource.CUSTOMER_SERVICE && agent.isPresent() && channel.isEmpty()) {
            return new CustomerServiceAgent(agent.get());
        }
        if (source == ProhibitionSource.MY_PROFILE && agent.isEmpty()) {
            return new MyProfile(channel);
        }
        if (source == ProhibitionSource.SURVEY_LINK && agent.isEmpty() && channel.isEmpty()) {
            return new SurveyLink();
        }
        throw new IllegalArgumentException("no actor of source " + source + " has that agent and channel");
    }
}
