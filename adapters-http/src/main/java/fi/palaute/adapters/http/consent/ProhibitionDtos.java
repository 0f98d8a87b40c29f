package fi.palaute.adapters.http.consent;

import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProfileChannel;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.consent.ProhibitionHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of the prohibition resource and their mapping from the domain. */
final class ProhibitionDtos {

    private ProhibitionDtos() {
    }

    /** What customer service sends to set a prohibition. */
    record CustomerServiceSetRequest(String agentId) {
    }

    /** What the My Profile back end sends to set a prohibition. */
    record SelfServiceSetRequest(ProfileChannel channel) {
    }

    record ProhibitionStatus(
            String customerId, boolean prohibited, String source, Instant since, String agentId, String channel) {

        static ProhibitionStatus of(CustomerId customerId, Optional<Prohibition> prohibition) {
            return prohibition.map(ProhibitionStatus::of)
                    .orElseGet(() -> new ProhibitionStatus(customerId.value(), false, null, null, null, null));
        }

        static ProhibitionStatus of(Prohibition prohibition) {
            ProhibitionActor by = prohibition.setBy();
            return new ProhibitionStatus(prohibition.customerId().value(), true, by.source().name(),
                    prohibition.since(), agentOf(by), channelOf(by));
        }
    }

    record ProhibitionHistoryView(String customerId, List<Change> changes) {

        static ProhibitionHistoryView of(ProhibitionHistory history) {
            return new ProhibitionHistoryView(history.customerId().value(),
                    history.changes().stream().map(Change::of).toList());
        }
    }

    record Change(String action, String source, String agentId, String channel, Instant at) {

        static Change of(ProhibitionChange change) {
            ProhibitionActor by = change.actor();
            return new Change(change.action().name(), by.source().name(), agentOf(by), channelOf(by), change.at());
        }
    }

    private static String agentOf(ProhibitionActor actor) {
        return actor.agent().map(AgentId::value).orElse(null);
    }

    private static String channelOf(ProhibitionActor actor) {
        return actor.profileChannel().map(Enum::name).orElse(null);
    }
}
