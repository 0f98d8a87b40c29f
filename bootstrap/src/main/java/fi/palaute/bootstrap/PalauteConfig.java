package fi.palaute.bootstrap;

import java.nio.file.Path;
import fi.palaute.domain.invitation.ContactFrequency;
import fi.palaute.domain.report.DisclosureControl;
import fi.palaute.domain.invitation.InvitationPolicy;
import fi.palaute.domain.invitation.SurveyLinks;
import fi.palaute.application.service.lifecycle.ReleaseAnonymousAnswersService;
import fi.palaute.application.service.lifecycle.RetentionPeriods;
import java.time.Duration;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting, read from environment variables with defaults that run a demo-ready service on SQLite.
 * The README lists them; keep the two in step.
 */
public record PalauteConfig(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        boolean demo,
        long maxBodyBytes,
        Duration stopGrace,
        InvitationPolicy invitationPolicy,
        SurveyLinks surveyLinks,
        Duration expiryJobInterval,
        RetentionPeriods retention,
        int anonymousReleaseBatch,
        int reportK,
        int reportYearsRemembered,
        Duration dashboardSessionLifetime,
        int demoAnswers) {

    public static final String DEFAULT_DB_URL = "jdbc:sqlite:" + Path.of("data", "palaute.db");

    public static PalauteConfig fromEnvironment(Map<String, String> env) {
        Settings s = new Settings(env);
        return new PalauteConfig(
                s.integer("PALAUTE_PORT", 8080, 0, 65_535),
                s.text("PALAUTE_DB_URL", DEFAULT_DB_URL),
                s.text("PALAUTE_DB_USER", ""),
                s.text("PALAUTE_DB_PASSWORD", ""),
                s.integer("PALAUTE_DB_POOL_SIZE", 8, 1, 200),
                s.bool("PALAUTE_DEMO", false),
                s.integer("PALAUTE_MAX_BODY_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
                Duration.ofSeconds(s.integer("PALAUTE_STOP_GRACE_SECONDS", 20, 0, 600)),
                new InvitationPolicy(
                        new ContactFrequency(
                                Duration.ofDays(s.integer("PALAUTE_REST_PERIOD_DAYS", 30, 0, 365)),
                                s.integer("PALAUTE_YEARLY_INVITATION_CAP", 4, 1, 365)),
                        Duration.ofDays(s.integer("PALAUTE_INVITATION_EXPIRY_DAYS", 14, 1, 90))),
                s.surveyLinks("PALAUTE_PUBLIC_BASE_URL", "http://localhost:8080"),
                Duration.ofSeconds(s.integer("PALAUTE_EXPIRY_JOB_SECONDS", 60, 1, 3600)),
                new RetentionPeriods(
                        Period.ofMonths(s.integer("PALAUTE_ANSWER_LINK_MONTHS", 24, 1, 600)),
                        Period.ofYears(s.integer("PALAUTE_AUDIT_RETENTION_YEARS", 5, 1, 100))),
                s.integer("PALAUTE_ANONYMOUS_RELEASE_BATCH", ReleaseAnonymousAnswersService.DEFAULT_MINIMUM_BATCH, 1,
                        10_000),
                s.integer("PALAUTE_REPORT_K", DisclosureControl.DEFAULT_K, DisclosureControl.MIN_K, 1_000),
                s.integer("PALAUTE_REPORT_YEARS_REMEMBERED", 8, 0, 64),
                Duration.ofHours(s.integer("PALAUTE_DASHBOARD_SESSION_HOURS", 8, 1, 24)),
                s.integer("PALAUTE_DEMO_ANSWERS", 20_000, 0, 1_000_000));
    }

    /** Never the URL or the password: either may hold a secret, and a record's default text shows every field. */
    @Override
    public String toString() {
        return "PalauteConfig[port=" + port + ", db=" + dbVendor() + ", dbPoolSize=" + dbPoolSize + ", demo=" + demo
                + ", maxBodyBytes=" + maxBodyBytes + ", stopGrace=" + stopGrace + ", invitationPolicy=" + invitationPolicy
                + ", publicBaseUrl=" + surveyLinks.baseUrl() + ", expiryJobInterval=" + expiryJobInterval
                + ", retention=" + retention + ", anonymousReleaseBatch=" + anonymousReleaseBatch + ", reportK=" + reportK
                + ", reportYearsRemembered=" + reportYearsRemembered
                + ", dashboardSessionLifetime=" + dashboardSessionLifetime + ", demoAnswers=" + demoAnswers + "]";
    }

    /** The database vendor named in the URL (sqlite, postgresql): safe to log, unlike the URL. */
    public String dbVendor() {
        return dbUrl.startsWith("jdbc:") ? dbUrl.substring(5).split(":", 2)[0] : "unknown";
    }

    private record Settings(Map<String, String> env) {

        Optional<String> raw(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        String text(String name, String fallback) {
            return raw(name).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> value = raw(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, without echoing the value
            }
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max);
        }

        SurveyLinks surveyLinks(String name, String fallback) {
            try {
                return new SurveyLinks(text(name, fallback));
            } catch (IllegalArgumentException invalid) {
                throw new ConfigException(name + ": " + invalid.getMessage());
            }
        }

        boolean bool(String name, boolean fallback) {
            Optional<String> value = raw(name).map(v -> v.toLowerCase(Locale.ROOT));
            if (value.isEmpty()) {
                return fallback;
            }
            return switch (value.get()) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new ConfigException(name + " must be true or false");
            };
        }
    }
}
