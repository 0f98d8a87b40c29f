package fi.palaute.adapters.persistence;

import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProfileChannel;
import fi.palaute.domain.consent.ProhibitionActor;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Values the contract tests share. Instants are whole milliseconds, the precision the database keeps. */
public final class TestData {

    public static final Instant T0 = Instant.parse("2026-11-02T08:15:30.123Z");

    public static final ProhibitionActor.CustomerServiceAgent AGENT =
            new ProhibitionActor.CustomerServiceAgent(new AgentId("agent.007"));
    public static final ProhibitionActor.MyProfile PROFILE_MOBILE = new ProhibitionActor.MyProfile(ProfileChannel.MOBILE);
    public static final ProhibitionActor.MyProfile PROFILE_WEB = new ProhibitionActor.MyProfile(ProfileChannel.WEB);
    public static final ProhibitionActor.MyProfile PROFILE_NO_CHANNEL = new ProhibitionActor.MyProfile(Optional.empty());
    public static final ProhibitionActor.SurveyLink SURVEY_LINK = new ProhibitionActor.SurveyLink();

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    private TestData() {
    }

    /** A customer id no other test in this JVM uses. */
    public static CustomerId newCustomer() {
        return new CustomerId("C-" + CUSTOMERS.incrementAndGet());
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }
}
