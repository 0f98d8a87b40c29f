package fi.palaute.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.invitation.SamplingRate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SurveyDefinitionTest {

    private static final Map<Channel, SamplingRate> CHAT = Map.of(Channel.CHAT, new SamplingRate(0.5));
    private static final Deliverer BANK = new Deliverer.Bank();
    private static final Deliverer PARTNER = new Deliverer.Partner(new PartnerId("tt"));

    private static SurveyDefinition of(SurveyKind kind, Map<Channel, SamplingRate> listens, DeliveryChannel delivery,
            Deliverer deliverer, boolean anonymous, List<Language> languages, Duration window, boolean reminder) {
        return new SurveyDefinition("NPS", kind, listens, delivery, deliverer, anonymous, languages, window, reminder);
    }

    /** Each case is built lazily by the factory above; building it must throw, naming the field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleCases")
    void impossibleCombinationsAreRefusedNamingTheField(String field, Runnable build) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(refused.getMessage().startsWith(field), refused.getMessage());
    }

    static Stream<Arguments> impossibleCases() {
        Duration week = Duration.ofDays(7);
        List<Language> fi = List.of(Language.FI);
        return Stream.of(
                Arguments.of("reminder:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.PHONE, PARTNER, false, fi, week, true)),
                Arguments.of("reminder:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.ONSITE, PARTNER, false, fi, week, true)),
                Arguments.of("anonymous:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.ONSITE, PARTNER, true, fi, week, false)),
                Arguments.of("deliveredBy:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.PHONE, BANK, false, fi, week, false)),
                Arguments.of("deliveredBy:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.ONSITE, BANK, false, fi, week, false)),
                Arguments.of("listensTo:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, Map.of(), DeliveryChannel.EMAIL, BANK, false, fi, week, false)),
                Arguments.of("listensTo:", (Runnable) () -> of(SurveyKind.STUDY, CHAT, DeliveryChannel.EMAIL, BANK, false, fi, week, false)),
                Arguments.of("languages:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.EMAIL, BANK, false, List.of(), week, false)),
                Arguments.of("languages:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.EMAIL, BANK, false,
                        List.of(Language.FI, Language.FI), week, false)),
                Arguments.of("windowDays:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.EMAIL, BANK, false, fi,
                        Duration.ofDays(91), false)),
                Arguments.of("windowDays:", (Runnable) () -> of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.EMAIL, BANK, false, fi,
                        Duration.ZERO, false)),
                Arguments.of("name", (Runnable) () -> new SurveyDefinition("  ", SurveyKind.TRANSACTIONAL, CHAT,
                        DeliveryChannel.EMAIL, BANK, false, fi, week, false)));
    }

    @Test
    void possibleCombinationsAreBuilt() {
        Duration week = Duration.ofDays(7);
        List<Language> fi = List.of(Language.FI);
        of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.EMAIL, BANK, true, fi, week, true);
        of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.SMS, PARTNER, false, fi, week, true);
        of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.PHONE, PARTNER, true, fi, Duration.ofDays(90), false);
        SurveyDefinition onsite = of(SurveyKind.STUDY, Map.of(), DeliveryChannel.ONSITE, PARTNER, false,
                List.of(Language.SV, Language.FI), week, false);
        assertEquals(List.of(new TemplateSlot(TemplateChannel.EMAIL, Language.SV),
                new TemplateSlot(TemplateChannel.EMAIL, Language.FI), new TemplateSlot(TemplateChannel.SMS, Language.SV),
                new TemplateSlot(TemplateChannel.SMS, Language.FI)), onsite.requiredTemplates());
        assertEquals(Language.SV, onsite.languageFor(Language.EN), "not offered: the first language");
        assertEquals(Language.FI, onsite.languageFor(Language.FI));
    }

    @Test
    void aPhoneSurveyNeedsNoTemplateAndEmailAndSmsNeedTheirOwn() {
        assertEquals(List.of(), DeliveryChannel.PHONE.templateChannels());
        assertEquals(List.of(TemplateChannel.EMAIL), DeliveryChannel.EMAIL.templateChannels());
        assertEquals(List.of(TemplateChannel.SMS), DeliveryChannel.SMS.templateChannels());
        assertEquals(List.of(TemplateChannel.EMAIL, TemplateChannel.SMS), DeliveryChannel.ONSITE.templateChannels());
    }

    @Test
    void theLifeOfASurveyGoesOneWay() {
        assertTrue(SurveyState.DRAFT.canBecome(SurveyState.ACTIVE));
        assertTrue(SurveyState.ACTIVE.canBecome(SurveyState.PAUSED));
        assertTrue(SurveyState.PAUSED.canBecome(SurveyState.ACTIVE));
        assertTrue(SurveyState.PAUSED.canBecome(SurveyState.CLOSED));
        assertFalse(SurveyState.ACTIVE.canBecome(SurveyState.DRAFT));
        assertFalse(SurveyState.DRAFT.canBecome(SurveyState.PAUSED));
        for (SurveyState next : SurveyState.values()) {
            assertFalse(SurveyState.CLOSED.canBecome(next) && next != SurveyState.CLOSED, "closed is final");
        }
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        SurveyDefinition email = of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.EMAIL, BANK, false,
                List.of(Language.FI), Duration.ofDays(7), false);
        SurveyDefinition sms = of(SurveyKind.TRANSACTIONAL, CHAT, DeliveryChannel.SMS, BANK, false,
                List.of(Language.FI), Duration.ofDays(7), false);
        Survey draft = new Survey(new SurveyId("s1"), email, SurveyState.DRAFT, now, now);
        assertEquals(java.util.Optional.empty(), draft.refusalOf(sms, SurveyState.DRAFT), "a draft may change anything");
        Survey active = draft.changedTo(email, SurveyState.ACTIVE, now);
        assertTrue(active.refusalOf(sms, SurveyState.ACTIVE).isPresent(), "not once it has been active");
        assertTrue(active.refusalOf(new SurveyDefinition("Renamed", SurveyKind.TRANSACTIONAL,
                Map.of(Channel.BRANCH, SamplingRate.ALL), DeliveryChannel.EMAIL, BANK, false,
                List.of(Language.FI, Language.EN), Duration.ofDays(3), true), SurveyState.PAUSED).isEmpty(),
                "name, channels, rates, languages, window and reminder may change");
        Survey closed = active.changedTo(email, SurveyState.CLOSED, now);
        assertTrue(closed.refusalOf(email, SurveyState.CLOSED).isPresent(), "not even its name");
    }
}
