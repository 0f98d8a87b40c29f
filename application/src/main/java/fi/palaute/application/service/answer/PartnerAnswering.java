package fi.palaute.application.service.answer;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Survey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a partner's phone answer and interview acceptance share, in one transaction: find the partner's own
 * invitation of the right delivery channel, use it once by the page's rules, store what was taken, audit the
 * attempt. The invitation is read, not locked: the customer lock comes first (as a prohibition takes it), then the
 * conditional use decides, so the two never wait on each other in opposite order.
 */
final class PartnerAnswering {

    /** How one use case says each outcome. */
    record Outcomes<R>(Supplier<R> recorded, Supplier<R> notFound, Supplier<R> wrongDeliveryChannel,
            Function<InvitationState, R> notAnswerable) {

        Outcomes {
            Objects.requireNonNull(recorded, "recorded");
            Objects.requireNonNull(notFound, "notFound");
            Objects.requireNonNull(wrongDeliveryChannel, "wrongDeliveryChannel");
            Objects.requireNonNull(notAnswerable, "notAnswerable");
        }
    }

    /** Keeps what the partner took, once the invitation is used at {@code now}. */
    @FunctionalInterface
    interface Storing {
        void store(Invitation invitation, Survey survey, Instant now);
    }

    private final AnswerStores stores;
    private final Clock clock;
    private final AuditEntry.Action action;
    private final DeliveryChannel deliveryChannel;

    PartnerAnswering(AnswerStores stores, Clock clock, AuditEntry.Action action, DeliveryChannel deliveryChannel) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
        this.action = Objects.requireNonNull(action);
        this.deliveryChannel = Objects.requireNonNull(deliveryChannel);
    }

    /**
     * {@code refusal} may refuse what was taken before anything is used (a meeting in the past); {@code storing}
     * keeps it once the invitation is used.
     */
    <R> R record(PartnerCaller caller, String invitationId, Outcomes<R> outcomes,
            Function<Instant, Optional<R>> refusal, Storing storing) {
        return stores.transactions().inTransaction(() -> {
            Optional<Invitation> found = stores.invitations().find(invitationId)
                    .filter(invitation -> invitation.deliverer() instanceof Deliverer.Partner partner
                            && partner.partnerId().equals(caller.partnerId()));
            Attempt<R> attempt = found.map(invitation -> attempt(invitation, outcomes, refusal, storing))
                    .orElseGet(() -> new Attempt<>(outcomes.notFound().get(), false));
            audit(caller, found, attempt.recorded());
            return attempt.result();
        });
    }

    /** What the use case answers, and whether something was stored. */
    private record Attempt<R>(R result, boolean recorded) {
    }

    private <R> Attempt<R> attempt(Invitation invitation, Outcomes<R> outcomes, Function<Instant, Optional<R>> refusal,
            Storing storing) {
        if (invitation.deliveryChannel() != deliveryChannel) {
            return new Attempt<>(outcomes.wrongDeliveryChannel().get(), false);
        }
        Instant now = clock.instant();
        Optional<R> refused = refusal.apply(now);
        if (refused.isPresent()) {
            return new Attempt<>(refused.get(), false);
        }
        Optional<Survey> survey = stores.surveys().find(invitation.surveyId());
        if (survey.isEmpty() || !InvitationUse.answerable(invitation, now)
                || !InvitationUse.use(stores, invitation, survey.get().definition().anonymous(), now)) {
            InvitationState state = stores.invitations().find(invitation.id()).orElse(invitation).state();
            return new Attempt<>(outcomes.notAnswerable().apply(state), false);
        }
        storing.store(invitation, survey.get(), now);
        return new Attempt<>(outcomes.recorded().get(), true);
    }

    /** Ids only, and only of the partner's own invitation: an id that found nothing is not written. */
    private void audit(PartnerCaller caller, Optional<Invitation> invitation, boolean recorded) {
        AuditEntry.Outcome outcome = invitation.isEmpty() ? AuditEntry.Outcome.NOT_FOUND
                : recorded ? AuditEntry.Outcome.OK : AuditEntry.Outcome.REFUSED;
        stores.audit().append(new AuditEntry(Ids.newId(clock), Optional.of(caller.partnerId()), caller.keyId(),
                action, invitation.map(found -> List.of(found.id())).orElse(List.of()), clock.instant(), outcome));
    }
}
