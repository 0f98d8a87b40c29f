package fi.palaute.adapters.http.delivery;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.DeliveryOutcome;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.HandedOverInvitation;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.partner.PartnerInvitation;
import fi.palaute.domain.survey.ContactPointKind;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.InvitationTemplate.RenderedInvitation;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the partner API and the audit log, and their mapping from the domain. A partner's shapes hold
 * what delivery needs and nothing more (R-PROCESSOR): never a customer id, a survey id or another partner's data,
 * and a link only in the answer that hands an invitation over. Request bodies have only the members a partner may
 * set, so nothing else can be slipped in (an unknown member is refused).
 */
final class DeliveryDtos {

    private DeliveryDtos() {
    }

    /** How many ready invitations to hand over now. */
    record ClaimBody(Integer limit) {
    }

    /** Reissuing takes no input: the body is left out or {@code {}}. */
    record EmptyBody() {
    }

    /** How one delivery attempt went, and when. */
    record DeliveryBody(DeliveryOutcome outcome, String at) {
    }

    record ContactPointView(ContactPointKind kind, String value) {
        static ContactPointView of(ContactPoint contactPoint) {
            return new ContactPointView(contactPoint.kind(), contactPoint.value());
        }

        @Override
        public String toString() {
            return "ContactPointView[" + kind + ", value hidden]";
        }
    }

    record DeliveryView(DeliveryOutcome outcome, Instant at) {
        static DeliveryView of(DeliveryReport report) {
            return new DeliveryView(report.outcome(), report.at());
        }
    }

    /** An invitation as its partner sees it: no link, and no contact point once that is erased. */
    record PartnerInvitationView(
            String invitationId, InvitationState state, DeliveryChannel deliveryChannel,
            ContactPointView contactPoint, String language, Instant expiresAt, DeliveryView lastDelivery) {

        static PartnerInvitationView of(PartnerInvitation invitation) {
            return new PartnerInvitationView(invitation.invitationId(), invitation.state(),
                    invitation.deliveryChannel(), invitation.contactPoint().map(ContactPointView::of).orElse(null),
                    invitation.language().code(), invitation.expiresAt(),
                    invitation.lastDelivery().map(DeliveryView::of).orElse(null));
        }
    }

    /** {@code next} is left out on the last page. */
    record InvitationPage(List<PartnerInvitationView> invitations, String next) {
    }

    /** What an invitation says; a text message has no subject, and then it is left out. */
    record TextView(String subject, String body) {
        static TextView of(RenderedInvitation text) {
            return new TextView(text.subject().isEmpty() ? null : text.subject(), text.body());
        }

        @Override
        public String toString() {
            return "TextView[link inside, hidden]";
        }
    }

    /** An invitation handed over: the only answers that ever hold its link. A phone survey has no text. */
    record HandedOverView(
            String invitationId, DeliveryChannel deliveryChannel, ContactPointView contactPoint, String language,
            String link, Instant expiresAt, TextView text) {

        static HandedOverView of(HandedOverInvitation invitation) {
            return new HandedOverView(invitation.invitationId(), invitation.deliveryChannel(),
                    ContactPointView.of(invitation.contactPoint()), invitation.language().code(), invitation.link(),
                    invitation.expiresAt(), invitation.text().map(TextView::of).orElse(null));
        }

        @Override
        public String toString() {
            return "HandedOverView[" + invitationId + ", link and contact point hidden]";
        }
    }

    record HandedOverList(List<HandedOverView> invitations) {
    }

    /** A change of the feed; its cursor is where a poll that has processed it goes on. */
    record ChangeView(String invitationId, PartnerChange.Kind kind, Instant at, String cursor) {
        static ChangeView of(FeedEntry entry) {
            PartnerChange change = entry.change();
            return new ChangeView(change.invitationId(), change.kind(), change.at(), entry.position().text());
        }
    }

    /** {@code next} is always there: the cursor to poll with next time. */
    record ChangePage(List<ChangeView> changes, String next) {
    }

    record AuditEntryView(
            String entryId, String partnerId, String keyId, AuditEntry.Action action, List<String> recordIds,
            Instant at, AuditEntry.Outcome outcome) {

        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.entryId(), entry.partnerId().map(PartnerId::value).orElse(null),
                    entry.keyId(), entry.action(),
                    entry.recordIds(), entry.at(), entry.outcome());
        }
    }

    /** {@code next} is left out when the page is not full. */
    record AuditPage(List<AuditEntryView> entries, String next) {
    }
}
