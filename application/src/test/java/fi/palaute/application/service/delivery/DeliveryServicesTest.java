package fi.palaute.application.service.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAuditLog;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryPartnerChanges;
import fi.palaute.application.fakes.InMemorySurveys;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.port.in.delivery.ClaimInvitationsCommand;
import fi.palaute.application.port.in.delivery.ListReadyInvitationsQuery;
import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ReadyInvitationsPage;
import fi.palaute.application.port.in.delivery.ReissueInvitationUseCase;
import fi.palaute.application.port.in.delivery.ReportDeliveryUseCase;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.SurveyLinks;
import fi.palaute.domain.invitation.SurveyToken;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.DeliveryOutcome;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.HandedOverInvitation;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.NeverAsksForCodesNotice;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryServicesTest {

    private static final PartnerId TT = new PartnerId("taloustutkimus");
    private static final PartnerId OTHER = new PartnerId("other");
    private static final PartnerCaller CALLER = new PartnerCaller(TT, "key-tt");
    private static final PartnerCaller OTHER_CALLER = new PartnerCaller(OTHER, "key-other");
    private static final SurveyId SMS_SURVEY = new SurveyId("S-sms");
    private static final SurveyId PHONE_SURVEY = new SurveyId("S-phone");
    private static final SurveyLinks LINKS = new SurveyLinks("https://palaute.op.fi/");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemorySurveys templates = new InMemorySurveys(transactions);
    private final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(transactions);
    private final InMemoryPartnerChanges feed = new InMemoryPartnerChanges(transactions);
    private final DeliveryStores stores = new DeliveryStores(transactions, invitations, audit);
    private final ClaimInvitationsService claim = new ClaimInvitationsService(stores, templates, LINKS, clock);
    private final ListReadyInvitationsService list = new ListReadyInvitationsService(stores, clock);
    private final ShowPartnerInvitationService show = new ShowPartnerInvitationService(stores, clock);
    private final ReissueInvitationService reissue = new ReissueInvitationService(stores, templates, LINKS, clock);
    private final ReportDeliveryService report = new ReportDeliveryService(stores, clock);

    private Invitation invitation(String id, PartnerId partner, SurveyId survey, DeliveryChannel channel,
            ContactPoint contactPoint, Language language) {
        return new Invitation(id, survey, new CustomerId("C-" + id), language, channel, Optional.of(contactPoint),
                new Deliverer.Partner(partner), Optional.of(Channel.CHAT), new Controller("OP"), clock.instant(),
                clock.instant().plus(Duration.ofDays(14)), InvitationState.PENDING);
    }

    private Invitation sms(String id, PartnerId partner) {
        return invitation(id, partner, SMS_SURVEY, DeliveryChannel.SMS, MobileNumber.parse("0401234567"), Language.SV);
    }

    @BeforeEach
    void seed() {
        transactions.inTransaction(() -> {
            templates.save(new InvitationTemplate(SMS_SURVEY, new TemplateSlot(TemplateChannel.SMS, Language.SV), "",
                    "Hur lyckades vi? {{surveyLink}}", clock.instant()));
            return null;
        });
        List<Invitation> seeded = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            seeded.add(sms("tt-" + i, TT));
        }
        seeded.add(sms("other-1", OTHER));
        seeded.add(invitation("tt-phone", TT, PHONE_SURVEY, DeliveryChannel.PHONE, MobileNumber.parse("0501234567"),
                Language.FI));
        invitations.seed(seeded);
    }

    @Test
    void aClaimHandsOverOnlyThePartnersOwnReadyInvitationsEachWithAFreshLinkWhoseHashAloneIsStored() {
        List<HandedOverInvitation> first = claim.claim(new ClaimInvitationsCommand(CALLER, 3));
        List<HandedOverInvitation> rest = claim.claim(new ClaimInvitationsCommand(CALLER, 1000));

        List<String> ids = new ArrayList<>();
        first.forEach(h -> ids.add(h.invitationId()));
        rest.forEach(h -> ids.add(h.invitationId()));
        assertEquals(List.of("tt-1", "tt-2", "tt-3", "tt-4", "tt-5", "tt-phone"), ids, "each once, none of OTHER's");
        Set<String> links = new HashSet<>();
        for (HandedOverInvitation h : first) {
            assertTrue(h.link().startsWith("https://palaute.op.fi/s/"), "on the public base URL");
            String token = h.link().substring("https://palaute.op.fi/s/".length());
            assertEquals(43, token.length(), "256 bits, base64url");
            assertEquals(SurveyToken.presented(token).hash(), invitations.tokens.get(h.invitationId()),
                    "only the hash is kept");
            links.add(h.link());
            assertEquals("Hur lyckades vi? " + h.link() + "\n\n" + NeverAsksForCodesNotice.text(Language.SV),
                    h.text().orElseThrow().body());
            assertEquals(InvitationState.HANDED_OVER, invitations.find(h.invitationId()).orElseThrow().state());
        }
        assertEquals(3, links.size());
        HandedOverInvitation phone = rest.get(rest.size() - 1);
        assertEquals(Optional.empty(), phone.text(), "a phone survey has a call script, not a text");
        assertEquals(InvitationState.PENDING, invitations.find("other-1").orElseThrow().state());
        AuditEntry entry = audit.entries.get(0);
        assertEquals(AuditEntry.Action.CLAIM_INVITATIONS, entry.action());
        assertEquals(List.of("tt-1", "tt-2", "tt-3"), entry.recordIds());
        assertEquals("key-tt", entry.keyId());
    }

    @Test
    void expiredInvitationsAreNotHandedOver() {
        clock.advance(Duration.ofDays(14));
        assertEquals(List.of(), claim.claim(new ClaimInvitationsCommand(CALLER, 10)));
        assertEquals(List.of(), list.list(new ListReadyInvitationsQuery(CALLER, Optional.empty(), 10)).invitations());
    }

    @Test
    void theReadyListPagesWithACursorAndShowsNoLink() {
        ReadyInvitationsPage first = list.list(new ListReadyInvitationsQuery(CALLER, Optional.empty(), 4));
        ReadyInvitationsPage second = list.list(new ListReadyInvitationsQuery(CALLER, first.next(), 4));

        assertEquals(List.of("tt-1", "tt-2", "tt-3", "tt-4"), first.invitations().stream()
                .map(i -> i.invitationId()).toList());
        assertEquals(Optional.of("tt-4"), first.next());
        assertEquals(List.of("tt-5", "tt-phone"), second.invitations().stream().map(i -> i.invitationId()).toList());
        assertEquals(Optional.empty(), second.next());
        assertEquals(2, audit.entries.size(), "every read is audited");
    }

    @Test
    void anotherPartnersInvitationIsNotFoundAndTheAttemptIsAuditedWithoutTheId() {
        assertEquals(Optional.empty(), show.show(CALLER, "other-1"));
        assertEquals(Optional.empty(), show.show(CALLER, "no-such-id"));
        assertInstanceOf(ReissueInvitationUseCase.NotFound.class, reissue.reissue(CALLER, "other-1"));
        assertInstanceOf(ReportDeliveryUseCase.NotFound.class, report.report(CALLER, "other-1",
                new DeliveryReport(DeliveryOutcome.DELIVERED, clock.instant())));

        assertTrue(audit.entries.stream().allMatch(e -> e.outcome() == AuditEntry.Outcome.NOT_FOUND
                && e.recordIds().isEmpty()), audit.entries::toString);
        assertEquals(4, audit.entries.size());
        assertTrue(show.show(OTHER_CALLER, "other-1").isPresent(), "its own partner sees it");
    }

    @Test
    void aReissueReplacesTheTokenAndOnlyForAHandedOverInvitation() {
        assertEquals(new ReissueInvitationUseCase.NotReissuable(InvitationState.PENDING), reissue.reissue(CALLER, "tt-1"));
        HandedOverInvitation handedOver = claim.claim(new ClaimInvitationsCommand(CALLER, 1)).get(0);
        var before = invitations.tokens.get("tt-1");

        var result = reissue.reissue(CALLER, "tt-1");

        HandedOverInvitation again = assertInstanceOf(ReissueInvitationUseCase.Reissued.class, result).invitation();
        assertNotEquals(handedOver.link(), again.link());
        assertNotEquals(before, invitations.tokens.get("tt-1"), "the old link stops working");
        assertEquals(SurveyToken.presented(again.link().substring(again.link().lastIndexOf('/') + 1)).hash(),
                invitations.tokens.get("tt-1"));
        assertEquals(AuditEntry.Outcome.OK, audit.last().outcome());
    }

    @Test
    void deliveryIsReportedOnlyForHandedOverInvitationsAndNotFromTheFuture() {
        DeliveryReport delivered = new DeliveryReport(DeliveryOutcome.BOUNCED, clock.instant());
        assertEquals(new ReportDeliveryUseCase.NotHandedOver(InvitationState.PENDING), report.report(CALLER, "tt-1",
                delivered));
        claim.claim(new ClaimInvitationsCommand(CALLER, 1));
        assertInstanceOf(ReportDeliveryUseCase.TimeInFuture.class, report.report(CALLER, "tt-1",
                new DeliveryReport(DeliveryOutcome.DELIVERED, clock.instant().plus(Duration.ofMinutes(6)))));
        assertInstanceOf(ReportDeliveryUseCase.Recorded.class, report.report(CALLER, "tt-1", delivered));

        assertEquals(Optional.of(delivered), show.show(CALLER, "tt-1").orElseThrow().lastDelivery());
    }

    @Test
    void theChangeFeedGivesThePartnersOwnEntriesAfterTheCursor() {
        transactions.inTransaction(() -> {
            feed.append(List.of(new PartnerChange(TT, "tt-1", PartnerChange.Kind.WITHDRAWN, clock.instant()),
                    new PartnerChange(OTHER, "other-1", PartnerChange.Kind.WITHDRAWN, clock.instant()),
                    new PartnerChange(TT, "tt-2", PartnerChange.Kind.EXPIRED, clock.instant())));
            return null;
        });
        ReadPartnerChangesService changes = new ReadPartnerChangesService(stores, feed, clock);

        List<FeedEntry> first = changes.read(CALLER, FeedCursor.START, 1);
        List<FeedEntry> next = changes.read(CALLER, first.get(0).position(), 10);

        assertEquals("tt-1", first.get(0).change().invitationId());
        assertEquals(List.of("tt-2"), next.stream().map(e -> e.change().invitationId()).toList());
        assertEquals(List.of("tt-2"), audit.last().recordIds());
    }
}
