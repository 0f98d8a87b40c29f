package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Surveys: a row of {@code survey} and a row of {@code survey_channel} per channel listened to. Every read is one
 * query joining the two, so it sees one committed version of a survey (an update replaces both in one transaction)
 * and the intake's {@link #findActiveTransactional()} costs one round trip per batch of events.
 */
public final class JdbiSurveyRepository implements SurveyRepository {

    private static final RowMapper<SurveyRow> ROW = ConstructorMapper.of(SurveyRow.class);
    private static final String SELECT = """
            SELECT s.survey_id, s.name, s.kind, s.delivery_channel, s.deliverer, s.partner_id, s.anonymous,
                   s.languages, s.window_millis, s.reminder, s.state, s.created_at, s.updated_at,
                   c.channel, c.sampling_rate
            FROM survey s LEFT JOIN survey_channel c ON c.survey_id = s.survey_id
            """;
    private static final String OLDEST_FIRST = " ORDER BY s.created_at, s.survey_id";

    private final Jdbi jdbi;

    JdbiSurveyRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The survey and its channels together, or (a duplicate id) neither. */
    @Override
    public void insert(Survey survey) {
        SurveyRow row = SurveyRow.of(survey);
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO survey (survey_id, name, kind, delivery_channel, deliverer, partner_id,
                                                anonymous, languages, window_millis, reminder, state, created_at,
                                                updated_at)
                            VALUES (:surveyId, :name, :kind, :deliveryChannel, :deliverer, :partnerId, :anonymous,
                                    :languages, :windowMillis, :reminder, :state, :createdAt, :updatedAt)""")
                    .bindMethods(row)
                    .execute();
            insertChannels(handle, survey);
        });
    }

    @Override
    public Optional<Survey> find(SurveyId id) {
        return jdbi.withHandle(handle -> surveys(handle.createQuery(SELECT + " WHERE s.survey_id = :surveyId")
                .bind("surveyId", id.value())))
                .stream()
                .findFirst();
    }

    @Override
    public List<Survey> findAll() {
        return jdbi.withHandle(handle -> surveys(handle.createQuery(SELECT + OLDEST_FIRST)));
    }

    /**
     * Replaces the definition, the state, {@code updated_at} and the channels; {@code created_at} stays. The UPDATE
     * comes first and locks the survey's row, so of two concurrent updates on PostgreSQL the second waits for the
     * first to commit and then replaces its channels: last writer wins, with no mix of the two.
     */
    @Override
    public boolean update(Survey survey) {
        SurveyRow row = SurveyRow.of(survey);
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("""
                            UPDATE survey
                            SET name = :name, kind = :kind, delivery_channel = :deliveryChannel,
                                deliverer = :deliverer, partner_id = :partnerId, anonymous = :anonymous,
                                languages = :languages, window_millis = :windowMillis, reminder = :reminder,
                                state = :state, updated_at = :updatedAt
                            WHERE survey_id = :surveyId""")
                    .bindMethods(row)
                    .execute();
            if (updated == 0) {
                return false;
            }
            handle.createUpdate("DELETE FROM survey_channel WHERE survey_id = :surveyId")
                    .bind("surveyId", row.surveyId())
                    .execute();
            insertChannels(handle, survey);
            return true;
        });
    }

    @Override
    public List<Survey> findActiveTransactional() {
        return jdbi.withHandle(handle -> surveys(handle.createQuery(
                        SELECT + " WHERE s.kind = :kind AND s.state = :state" + OLDEST_FIRST)
                .bind("kind", SurveyKind.TRANSACTIONAL.name())
                .bind("state", SurveyState.ACTIVE.name())));
    }

    private static void insertChannels(Handle handle, Survey survey) {
        Map<Channel, SamplingRate> listensTo = survey.definition().listensTo();
        if (listensTo.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO survey_channel (survey_id, channel, sampling_rate) VALUES (:surveyId, :channel, :rate)");
        listensTo.forEach((channel, rate) -> batch
                .bind("surveyId", survey.id().value())
                .bind("channel", channel.name())
                .bind("rate", rate.value())
                .add());
        batch.execute();
    }

    /** Folds the joined rows (one per channel, or one with no channel) into surveys, in the order of the query. */
    private static List<Survey> surveys(Query query) {
        Map<String, Folding> bySurvey = query
                .registerRowMapper(SurveyRow.class, ROW)
                .reduceRows(new LinkedHashMap<String, Folding>(), (folded, row) -> {
                    SurveyRow survey = row.getRow(SurveyRow.class);
                    Folding into = folded.computeIfAbsent(survey.surveyId(), id -> new Folding(survey));
                    into.add(row);
                    return folded;
                });
        return bySurvey.values().stream().map(Folding::toDomain).toList();
    }

    /** One survey's row and the channels found for it so far. */
    private static final class Folding {
        private final SurveyRow survey;
        private final Map<Channel, SamplingRate> listensTo = new EnumMap<>(Channel.class);

        Folding(SurveyRow survey) {
            this.survey = survey;
        }

        void add(RowView row) {
            String channel = row.getColumn("channel", String.class);
            if (channel != null) {
                listensTo.put(Channel.valueOf(channel), new SamplingRate(row.getColumn("sampling_rate", Double.class)));
            }
        }

        Survey toDomain() {
            return survey.toDomain(listensTo);
        }
    }

    /** A row of {@code survey}; flags as 0/1, languages as their codes joined by commas, the window in millis. */
    public record SurveyRow(
            String surveyId,
            String name,
            String kind,
            String deliveryChannel,
            String deliverer,
            String partnerId,
            int anonymous,
            String languages,
            long windowMillis,
            int reminder,
            String state,
            long createdAt,
            long updatedAt) {

        static SurveyRow of(Survey survey) {
            SurveyDefinition definition = survey.definition();
            DelivererColumns deliverer = DelivererColumns.of(definition.deliverer());
            return new SurveyRow(
                    survey.id().value(),
                    definition.name(),
                    definition.kind().name(),
                    definition.deliveryChannel().name(),
                    deliverer.deliverer(),
                    deliverer.partnerId(),
                    definition.anonymous() ? 1 : 0,
                    definition.languages().stream().map(Language::code).collect(Collectors.joining(",")),
                    definition.window().toMillis(),
                    definition.reminder() ? 1 : 0,
                    survey.state().name(),
                    survey.createdAt().toEpochMilli(),
                    survey.updatedAt().toEpochMilli());
        }

        Survey toDomain(Map<Channel, SamplingRate> listensTo) {
            SurveyDefinition definition = new SurveyDefinition(
                    name,
                    SurveyKind.valueOf(kind),
                    listensTo,
                    DeliveryChannel.valueOf(deliveryChannel),
                    new DelivererColumns(deliverer, partnerId).toDomain(),
                    flag(anonymous),
                    Arrays.stream(languages.split(",")).map(Language::ofCode).toList(),
                    Duration.ofMillis(windowMillis),
                    flag(reminder));
            return new Survey(new SurveyId(surveyId), definition, SurveyState.valueOf(state),
                    Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt));
        }

        private static boolean flag(int value) {
            if (value != 0 && value != 1) {
                throw new IllegalStateException("a flag column holds " + value + ", not 0 or 1");
            }
            return value == 1;
        }
    }

    /** A {@link Deliverer} as the columns deliverer ('BANK' or 'PARTNER') and partner_id; shared with invitations. */
    record DelivererColumns(String deliverer, String partnerId) {

        static DelivererColumns of(Deliverer deliverer) {
            if (deliverer instanceof Deliverer.Bank) {
                return new DelivererColumns("BANK", null);
            }
            if (deliverer instanceof Deliverer.Partner partner) {
                return new DelivererColumns("PARTNER", partner.partnerId().value());
            }
            throw new IllegalStateException("unknown deliverer " + deliverer.getClass().getName());
        }

        Deliverer toDomain() {
            return switch (deliverer) {
                case "BANK" -> new Deliverer.Bank();
                case "PARTNER" -> new Deliverer.Partner(new PartnerId(partnerId));
                default -> throw new IllegalStateException("unknown deliverer " + deliverer);
            };
        }
    }
}
