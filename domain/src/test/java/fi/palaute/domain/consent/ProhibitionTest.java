package fi.palaute.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.consent.ProhibitionActor.CustomerServiceAgent;
import fi.palaute.domain.consent.ProhibitionActor.MyProfile;
import fi.palaute.domain.consent.ProhibitionActor.SurveyLink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prohibition's transitions, as its history records them. */
class ProhibitionTest {

    private static final CustomerId CUSTOMER = new CustomerId("C-1");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final CustomerServiceAgent AGENT = new CustomerServiceAgent(new AgentId("agent-7"));
    private static final MyProfile APP = new MyProfile(ProfileChannel.MOBILE);

    @Test
    void aSurveyLinkCanSetButNeverLift() {
        Prohibition byLink = new Prohibition(CUSTOMER, new SurveyLink(), T0);
        assertEquals(ProhibitionSource.SURVEY_LINK, ProhibitionChange.set("1", byLink).actor().source());
        assertThrows(IllegalArgumentException.class,
                () -> new ProhibitionChange("2", CUSTOMER, ProhibitionAction.LIFTED, new SurveyLink(), T0));
    }

    @Test
    void theStateIsWhatReplayingTheHistoryGives() {
        Prohibition set = new Prohibition(CUSTOMER, APP, T0);
        ProhibitionHistory history = new ProhibitionHistory(CUSTOMER, List.of(
                ProhibitionChange.set("1", set),
                ProhibitionChange.lifted("2", CUSTOMER, AGENT, T0.plusSeconds(60)),
                ProhibitionChange.set("3", new Prohibition(CUSTOMER, AGENT, T0.plusSeconds(120)))));
        Prohibition current = history.current().orElseThrow();
        assertEquals(AGENT, current.setBy());
        assertEquals(T0.plusSeconds(120).toEpochMilli(), current.since().toEpochMilli());

        ProhibitionHistory liftedAtEnd = new ProhibitionHistory(CUSTOMER, history.changes().subList(0, 2));
        assertTrue(liftedAtEnd.current().isEmpty());
        assertTrue(new ProhibitionHistory(CUSTOMER, List.of()).current().isEmpty());
    }

    @Test
    void aHistoryAlternatesSetAndLiftedStartingWithSet() {
        ProhibitionChange set = ProhibitionChange.set("1", new Prohibition(CUSTOMER, APP, T0));
        ProhibitionChange lifted = ProhibitionChange.lifted("2", CUSTOMER, APP, T0);
        assertThrows(IllegalArgumentException.class, () -> new ProhibitionHistory(CUSTOMER, List.of(lifted)));
        assertThrows(IllegalArgumentException.class, () -> new ProhibitionHistory(CUSTOMER, List.of(set, set)));
        assertThrows(IllegalArgumentException.class,
                () -> new ProhibitionHistory(new CustomerId("C-2"), List.of(set)));
    }

    @Test
    void timesAreKeptToTheMillisecondAsEveryDatabaseKeepsThem() {
        assertEquals(Instant.parse("2026-11-25T10:00:00.123Z"), new Prohibition(CUSTOMER, APP, T0).since());
        assertEquals(Instant.parse("2026-11-25T10:00:00.123Z"), ProhibitionChange.lifted("1", CUSTOMER, APP, T0).at());
    }

    @Test
    void actorsRebuildFromTheirStoredPartsAndImpossibleCombinationsAreRefused() {
        assertEquals(AGENT, ProhibitionActor.of(ProhibitionSource.CUSTOMER_SERVICE,
                Optional.of(new AgentId("agent-7")), Optional.empty()));
        assertEquals(APP, ProhibitionActor.of(ProhibitionSource.MY_PROFILE, Optional.empty(),
                Optional.of(ProfileChannel.MOBILE)));
        assertEquals(new MyProfile(Optional.empty()),
                ProhibitionActor.of(ProhibitionSource.MY_PROFILE, Optional.empty(), Optional.empty()));
        assertEquals(new SurveyLink(),
                ProhibitionActor.of(ProhibitionSource.SURVEY_LINK, Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ProhibitionActor.of(
                ProhibitionSource.CUSTOMER_SERVICE, Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ProhibitionActor.of(
                ProhibitionSource.SURVEY_LINK, Optional.of(new AgentId("a")), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ProhibitionActor.of(
                ProhibitionSource.MY_PROFILE, Optional.of(new AgentId("a")), Optional.of(ProfileChannel.WEB)));
    }

    @Test
    void agentIdsAreShortPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new AgentId(""));
        assertThrows(IllegalArgumentException.class, () -> new AgentId("a b"));
        assertThrows(IllegalArgumentException.class, () -> new AgentId("x".repeat(65)));
        assertEquals("first.last-1_2", new AgentId("first.last-1_2").value());
    }
}
