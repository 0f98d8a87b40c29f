package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.service.lifecycle.RetentionPeriods;
import fi.palaute.domain.invitation.ContactFrequency;
import fi.palaute.domain.invitation.InvitationPolicy;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PalauteConfigTest {

    @Test
    void everySettingHasADefault() {
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of());
        assertEquals(8080, config.port());
        assertEquals("jdbc:sqlite:data/palaute.db", config.dbUrl());
        assertFalse(config.demo());
        assertEquals(256 * 1024, config.maxBodyBytes());
        assertEquals(Duration.ofSeconds(20), config.stopGrace());
        assertEquals(InvitationPolicy.DEFAULT, config.invitationPolicy());
        assertEquals("http://localhost:8080", config.surveyLinks().baseUrl());
        assertEquals(RetentionPeriods.DEFAULT, config.retention());
        assertEquals(10, config.anonymousReleaseBatch());
        assertEquals(10, config.reportK());
        assertEquals(8, config.reportYearsRemembered());
        assertEquals(Duration.ofHours(8), config.dashboardSessionLifetime());
    }

    @Test
    void retentionAnonymityAndDisclosureAreSettings() {
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of("PALAUTE_ANSWER_LINK_MONTHS", "12",
                "PALAUTE_AUDIT_RETENTION_YEARS", "7", "PALAUTE_ANONYMOUS_RELEASE_BATCH", "25",
                "PALAUTE_REPORT_K", "5", "PALAUTE_REPORT_YEARS_REMEMBERED", "0"));
        assertEquals(new RetentionPeriods(Period.ofMonths(12), Period.ofYears(7)), config.retention());
        assertEquals(25, config.anonymousReleaseBatch());
        assertEquals(5, config.reportK(), "5 is the lowest k allowed");
        assertEquals(0, config.reportYearsRemembered(), "0: every report decided afresh");
    }

    @Test
    void theContactRulesAndExpiryAreSettings() {
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of("PALAUTE_REST_PERIOD_DAYS", "60",
                "PALAUTE_YEARLY_INVITATION_CAP", "2", "PALAUTE_INVITATION_EXPIRY_DAYS", "7"));
        assertEquals(new InvitationPolicy(new ContactFrequency(Duration.ofDays(60), 2), Duration.ofDays(7)),
                config.invitationPolicy());
    }

    @ParameterizedTest
    @CsvSource({"PALAUTE_PORT,-1", "PALAUTE_PORT,8080x", "PALAUTE_DB_POOL_SIZE,-7", "PALAUTE_DEMO,maybe",
            "PALAUTE_MAX_BODY_BYTES,17", "PALAUTE_STOP_GRACE_SECONDS,forever", "PALAUTE_REST_PERIOD_DAYS,366",
            "PALAUTE_YEARLY_INVITATION_CAP,0", "PALAUTE_INVITATION_EXPIRY_DAYS,91",
            "PALAUTE_PUBLIC_BASE_URL,palaute.example.fi/kysely?x=1", "PALAUTE_REPORT_K,4", "PALAUTE_REPORT_K,-7",
            "PALAUTE_ANSWER_LINK_MONTHS,-3", "PALAUTE_AUDIT_RETENTION_YEARS,-2", "PALAUTE_ANONYMOUS_RELEASE_BATCH,-9",
            "PALAUTE_REPORT_YEARS_REMEMBERED,65"})
    void aBadValueIsRefusedWithTheSettingNamedAndTheValueNotRepeated(String name, String value) {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> PalauteConfig.fromEnvironment(Map.of(name, value)));
        assertTrue(refused.getMessage().startsWith(name), refused.getMessage());
        assertFalse(refused.getMessage().contains(value), "the value is not repeated");
    }

    @Test
    void theTextOfAConfigNeverShowsTheDatabaseUrlOrPassword() {
        PalauteConfig config = PalauteConfig.fromEnvironment(Map.of(
                "PALAUTE_DB_URL", "jdbc:postgresql://db.internal/palaute?password=in-url",
                "PALAUTE_DB_PASSWORD", "beside-url"));
        assertFalse(config.toString().contains("in-url") || config.toString().contains("beside-url")
                || config.toString().contains("db.internal"), config.toString());
        assertTrue(config.toString().contains("postgresql"));
    }
}
