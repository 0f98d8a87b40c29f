package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.TemplateRepository;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Invitation templates, one per survey, written channel and language. Reading one back checks it again (the
 * {@link InvitationTemplate} constructor does), so a template the check refuses can never be sent, even one written
 * to the table by hand.
 */
public final class JdbiTemplateRepository implements TemplateRepository {

    private static final RowMapper<TemplateRow> ROW = ConstructorMapper.of(TemplateRow.class);
    private static final String COLUMNS = "survey_id, channel, language, subject, body, updated_at";
    private static final Comparator<InvitationTemplate> BY_CHANNEL_AND_LANGUAGE = Comparator
            .comparing((InvitationTemplate template) -> template.slot().channel())
            .thenComparing(template -> template.slot().language());

    private final Jdbi jdbi;

    JdbiTemplateRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One upsert: the last writer wins, and two concurrent saves of one slot never fail on the primary key. */
    @Override
    public void save(InvitationTemplate template) {
        TemplateRow row = TemplateRow.of(template);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO invitation_template (" + COLUMNS + ")"
                        + " VALUES (:surveyId, :channel, :language, :subject, :body, :updatedAt)"
                        + " ON CONFLICT (survey_id, channel, language) DO UPDATE"
                        + " SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at")
                .bindMethods(row)
                .execute());
    }

    @Override
    public Optional<InvitationTemplate> find(SurveyId surveyId, TemplateSlot slot) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM invitation_template"
                        + " WHERE survey_id = :surveyId AND channel = :channel AND language = :language")
                .bind("surveyId", surveyId.value())
                .bind("channel", slot.channel().name())
                .bind("language", slot.language().code())
                .map(ROW)
                .findOne()
                .map(TemplateRow::toDomain));
    }

    /** In the order of the enums (EMAIL before SMS; fi, sv, en), which the stored names and codes do not sort in. */
    @Override
    public List<InvitationTemplate> findBySurvey(SurveyId surveyId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM invitation_template"
                        + " WHERE survey_id = :surveyId")
                .bind("surveyId", surveyId.value())
                .map(ROW)
                .map(TemplateRow::toDomain)
                .list())
                .stream()
                .sorted(BY_CHANNEL_AND_LANGUAGE)
                .toList();
    }

    /** A row of {@code invitation_template}; the language as its code. */
    public record TemplateRow(
            String surveyId, String channel, String language, String subject, String body, long updatedAt) {

        static TemplateRow of(InvitationTemplate template) {
            return new TemplateRow(
                    template.surveyId().value(),
                    template.slot().channel().name(),
                    template.slot().language().code(),
                    template.subject(),
                    template.body(),
                    template.updatedAt().toEpochMilli());
        }

        InvitationTemplate toDomain() {
            return new InvitationTemplate(
                    new SurveyId(surveyId),
                    new TemplateSlot(TemplateChannel.valueOf(channel), Language.ofCode(language)),
                    subject,
                    body,
                    Instant.ofEpochMilli(updatedAt));
        }
    }
}
