package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.DeliveryChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-TRIGGER: each rule, and that the first failing one in the spec's order is the reason. */
class EligibilityRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final EmailAddress EMAIL = new EmailAddress("matti.virtanen@example.fi");
    private static final MobileNumber MOBILE = MobileNumber.parse("040 123 4567");

    /** The order R-TRIGGER gives, written out here independently of the enum's declaration order. */
    private static final List<DecisionReason> SPEC_ORDER = List.of(DecisionReason.STALE, DecisionReason.PROHIBITED,
            DecisionReason.RESTING, DecisionReason.NOT_SAMPLED, DecisionReason.NO_CONTACT_POINT);

    /**
     * One row per reason, then every adjacent pair in the order, then some wider mixes: the first failing check
     * in the spec's order must be the reason. "-" is an event that passes every check.
     */
    @ParameterizedTest(name = "failing {0} -> {1}")
    @CsvSource({
            "-,                                              INVITED",
            "STALE,                                          STALE",
            "PROHIBITED,                                     PROHIBITED",
            "RESTING,                                        RESTING",
            "NOT_SAMPLED,                                    NOT_SAMPLED",
            "NO_CONTACT_POINT,                               NO_CONTACT_POINT",
            "STALE PROHIBITED,                               STALE",
            "PROHIBITED RESTING,                             PROHIBITED",
            "RESTING NOT_SAMPLED,                            RESTING",
            "NOT_SAMPLED NO_CONTACT_POINT,                   NOT_SAMPLED",
            "STALE NO_CONTACT_POINT,                         STALE",
            "PROHIBITED NO_CONTACT_POINT,                    PROHIBITED",
            "RESTING NO_CONTACT_POINT,                       RESTING",
            "PROHIBITED NOT_SAMPLED,                         PROHIBITED",
            "STALE PROHIBITED RESTING NOT_SAMPLED NO_CONTACT_POINT, STALE"})
    void theFirstFailingCheckInTheSpecsOrderIsTheReason(String failing, DecisionReason expected) {
        assertEquals(expected, EligibilityRules.decide(eventFailing(conditions(failing))).reason());
    }

    /** Every one of the 32 combinations, against the order as written in the spec. */
    @Test
    void everyCombinationOfFailingChecksGivesTheFirstInOrder() {
        for (int mask = 0; mask < 1 << SPEC_ORDER.size(); mask++) {
            Set<DecisionReason> failing = EnumSet.noneOf(DecisionReason.class);
            for (int i = 0; i < SPEC_ORDER.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    failing.add(SPEC_ORDER.get(i));
                }
            }
            DecisionReason expected = SPEC_ORDER.stream().filter(failing::contains).findFirst()
                    .orElse(DecisionReason.INVITED);
            assertEquals(expected, EligibilityRules.decide(eventFailing(failing)).reason(), "failing " + failing);
        }
    }

    /** Boundaries of the window and of the contact-frequency rules. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "just happened                       | 0d       | 7 | ''                     | INVITED",
            "6 days old                          | 6d       | 7 | ''                     | INVITED",
            "exactly 7 days old                  | 7d       | 7 | ''                     | INVITED",
            "7 days and 1 ms old                 | 7d+1ms   | 7 | ''                     | STALE",
            "8 days old                          | 8d       | 7 | ''                     | STALE",
            "4 days old, a 3-day window          | 4d       | 3 | ''                     | STALE",
            "30 days old, a 30-day window        | 30d      | 30 | ''                    | INVITED",
            "a minute in the future (clock skew) | -1m      | 7 | ''                     | INVITED",
            "exactly 5 minutes in the future     | -5m      | 7 | ''                     | INVITED",
            "last invited 29 days ago            | 0d       | 7 | 29d                    | RESTING",
            "last invited 30 days less 1 ms ago  | 0d       | 7 | 30d-1ms                | RESTING",
            "last invited exactly 30 days ago    | 0d       | 7 | 30d                    | INVITED",
            "3 invitations in 365 days           | 0d       | 7 | 40d 100d 200d          | INVITED",
            "4 invitations in 365 days           | 0d       | 7 | 40d 100d 200d 300d     | RESTING",
            "4, the oldest exactly 365 days ago  | 0d       | 7 | 40d 100d 200d 365d     | INVITED"})
    void boundaries(String description, String eventAge, int windowDays, String invitationAges,
            DecisionReason expected) {
        Facts facts = new Facts();
        facts.occurredAt = NOW.minus(eventAge(eventAge));
        facts.window = Duration.ofDays(windowDays);
        facts.previousInvitations = ContactFrequencyTest.invitedAt(invitationAges);
        assertEquals(expected, EligibilityRules.decide(facts.build()).reason());
    }

    @Test
    void anEventFromTheFutureIsInvalidInputNotADecision() {
        Facts facts = new Facts();
        facts.occurredAt = NOW.plus(EligibilityFacts.CLOCK_SKEW).plusMillis(1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, facts::build);
        assertTrue(refused.getMessage().contains("future"));
        assertThrows(IllegalArgumentException.class,
                () -> EligibilityFacts.requireNotInFuture(NOW.plus(Duration.ofDays(1)), NOW));
        EligibilityFacts.requireNotInFuture(NOW.plus(EligibilityFacts.CLOCK_SKEW), NOW); // the allowance itself is fine
    }

    @Test
    void theWindowDefaultsToSevenDays() {
        assertEquals(Duration.ofDays(7), Trigger.DEFAULT_WINDOW);
    }

    /** The sampling check is the real one: the pinned event's point is 0.32370… (see SamplingTest). */
    @Test
    void samplingIsDecidedByTheEventsHash() {
        Facts facts = new Facts();
        facts.surveyId = "survey-1";
        facts.channel = Channel.BRANCH;
        facts.eventId = "event-1";
        facts.rate = new SamplingRate(0.3238);
        assertEquals(DecisionReason.INVITED, EligibilityRules.decide(facts.build()).reason());
        facts.rate = new SamplingRate(0.3237);
        assertEquals(DecisionReason.NOT_SAMPLED, EligibilityRules.decide(facts.build()).reason());
        facts.channel = Channel.CHAT; // point 0.50241…: the same event in another channel is sampled on its own
        assertEquals(DecisionReason.NOT_SAMPLED, EligibilityRules.decide(facts.build()).reason());
        facts.rate = new SamplingRate(0.5025);
        assertEquals(DecisionReason.INVITED, EligibilityRules.decide(facts.build()).reason());
    }

    /**
     * A study goes through the checks from PROHIBITED on, skipping sampling: its list is the sample. Rows name the
     * failing checks; STALE and NOT_SAMPLED cannot even be set up for a study.
     */
    @ParameterizedTest(name = "study failing {0} -> {1}")
    @CsvSource({
            "-,                            INVITED",
            "PROHIBITED,                   PROHIBITED",
            "RESTING,                      RESTING",
            "NO_CONTACT_POINT,             NO_CONTACT_POINT",
            "PROHIBITED RESTING,           PROHIBITED",
            "RESTING NO_CONTACT_POINT,     RESTING",
            "PROHIBITED NO_CONTACT_POINT,  PROHIBITED"})
    void studiesGoThroughTheChecksFromProhibitedOn(String failing, DecisionReason expected) {
        Facts facts = failing(conditions(failing));
        facts.study = true;
        assertEquals(expected, EligibilityRules.decide(facts.build()).reason());
    }

    @Test
    void anInvitationCarriesTheContactPointItsDeliveryChannelUses() {
        Facts facts = new Facts();
        facts.contactPoints = ContactPoints.of(EMAIL, MOBILE);
        facts.deliveryChannel = DeliveryChannel.SMS;
        assertEquals(new Decision.Invited(MOBILE), EligibilityRules.decide(facts.build()));
        facts.deliveryChannel = DeliveryChannel.EMAIL;
        assertEquals(new Decision.Invited(EMAIL), EligibilityRules.decide(facts.build()));
        facts.deliveryChannel = DeliveryChannel.ONSITE;
        assertEquals(new Decision.Invited(EMAIL), EligibilityRules.decide(facts.build()));
        facts.contactPoints = ContactPoints.of(EMAIL);
        facts.deliveryChannel = DeliveryChannel.PHONE;
        assertEquals(new Decision.NotInvited(DecisionReason.NO_CONTACT_POINT), EligibilityRules.decide(facts.build()));
    }

    @Test
    void decisionsAndFactsPrintWithoutContactPoints() {
        Facts facts = new Facts();
        facts.contactPoints = ContactPoints.of(EMAIL, MOBILE);
        EligibilityFacts built = facts.build();
        Decision invited = EligibilityRules.decide(built);
        assertInstanceOf(Decision.Invited.class, invited);
        for (String printed : List.of(built.toString(), invited.toString())) {
            assertFalse(printed.contains("virtanen"), printed);
            assertFalse(printed.contains("1234567"), printed);
        }
    }

    @Test
    void onlyAnInvitationIsInvited() {
        assertThrows(IllegalArgumentException.class, () -> new Decision.NotInvited(DecisionReason.INVITED));
        assertThrows(NullPointerException.class, () -> new Decision.Invited(null));
    }

    @Test
    void eventInputsMustMakeSense() {
        Instant at = NOW.minusSeconds(60);
        SamplingRate all = SamplingRate.ALL;
        Duration week = Trigger.DEFAULT_WINDOW;
        assertThrows(IllegalArgumentException.class,
                () -> new Trigger.ServiceEvent("survey-1", Channel.CHAT, "e-1", at, Duration.ZERO, all));
        assertThrows(IllegalArgumentException.class,
                () -> new Trigger.ServiceEvent("survey|1", Channel.CHAT, "e-1", at, week, all));
        assertThrows(IllegalArgumentException.class,
                () -> new Trigger.ServiceEvent("survey-1", Channel.CHAT, "", at, week, all));
        assertThrows(NullPointerException.class,
                () -> new Trigger.ServiceEvent("survey-1", null, "e-1", at, week, all));
    }

    private static Set<DecisionReason> conditions(String failing) {
        Set<DecisionReason> set = EnumSet.noneOf(DecisionReason.class);
        if (!failing.equals("-")) {
            for (String name : failing.trim().split("\\s+")) {
                set.add(DecisionReason.valueOf(name));
            }
        }
        return set;
    }

    private static EligibilityFacts eventFailing(Set<DecisionReason> failing) {
        return failing(failing).build();
    }

    /** Facts that pass every check, except the ones named. */
    private static Facts failing(Set<DecisionReason> failing) {
        Facts facts = new Facts();
        if (failing.contains(DecisionReason.STALE)) {
            facts.occurredAt = NOW.minus(Duration.ofDays(8));
        }
        if (failing.contains(DecisionReason.PROHIBITED)) {
            facts.prohibited = true;
        }
        if (failing.contains(DecisionReason.RESTING)) {
            facts.previousInvitations = List.of(NOW.minus(Duration.ofDays(10)));
        }
        if (failing.contains(DecisionReason.NOT_SAMPLED)) {
            facts.rate = SamplingRate.NONE;
        }
        if (failing.contains(DecisionReason.NO_CONTACT_POINT)) {
            facts.contactPoints = ContactPoints.of(MOBILE); // a contact point, but not one e-mail can use
        }
        return facts;
    }

    private static Duration eventAge(String age) {
        if (age.endsWith("d+1ms")) {
            return Duration.ofDays(Long.parseLong(age.substring(0, age.length() - 5))).plusMillis(1);
        }
        return ContactFrequencyTest.age(age);
    }

    /** A mutable builder for tests only; starts as an event that passes every check. */
    private static final class Facts {
        boolean study;
        String surveyId = "survey-1";
        Channel channel = Channel.ONLINE_BANK;
        String eventId = "event-1";
        Instant occurredAt = NOW.minus(Duration.ofHours(1));
        Duration window = Trigger.DEFAULT_WINDOW;
        SamplingRate rate = SamplingRate.ALL;
        boolean prohibited;
        List<Instant> previousInvitations = new ArrayList<>();
        ContactFrequency contactFrequency = ContactFrequency.DEFAULT;
        ContactPoints contactPoints = ContactPoints.of(EMAIL);
        DeliveryChannel deliveryChannel = DeliveryChannel.EMAIL;

        EligibilityFacts build() {
            Trigger trigger = study
                    ? new Trigger.Study()
                    : new Trigger.ServiceEvent(surveyId, channel, eventId, occurredAt, window, rate);
            return new EligibilityFacts(trigger, NOW, prohibited, previousInvitations, contactFrequency,
                    contactPoints, deliveryChannel);
        }
    }
}
