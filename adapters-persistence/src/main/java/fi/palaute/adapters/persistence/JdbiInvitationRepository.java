package fi.palaute.adapters.persistence;

import fi.palaute.adapters.persistence.JdbiSurveyRepository.DelivererColumns;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.ContactPointKind;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * Invitations. The contact point is personal data: it is written for delivery and read back for it, and never
 * named in an exception here (a row is named by its invitation id only).
 */
public final class JdbiInvitationRepository implements InvitationRepository {

    private static final RowMapper<InvitationRow> ROW = ConstructorMapper.of(InvitationRow.class);
    private static final String COLUMNS = "invitation_id, survey_id, customer_id, language, delivery_channel,"
            + " contact_kind, contact_value, deliverer, partner_id, channel, controller, created_at, expires_at, state,"
            + " state_changed_at";
    private static final List<String> OPEN =
            List.of(InvitationState.PENDING.name(), InvitationState.HANDED_OVER.name());

    private final Jdbi jdbi;

    JdbiInvitationRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One multi-row INSERT per {@link Chunks chunk}, all in one transaction: all or none. A new invitation's state
     * changed when it was made.
     */
    @Override
    public void insertAll(List<Invitation> invitations) {
        if (invitations.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            for (List<Invitation> chunk : Chunks.of(invitations)) {
                Update insert = handle.createUpdate("INSERT INTO invitation (" + COLUMNS + ") VALUES "
                        + Chunks.rowsOfParameters(chunk.size(), 15));
                int position = 0;
                for (Invitation invitation : chunk) {
                    InvitationRow row = InvitationRow.of(invitation);
                    insert.bind(position++, row.invitationId())
                            .bind(position++, row.surveyId())
                            .bind(position++, row.customerId())
                            .bind(position++, row.language())
                            .bind(position++, row.deliveryChannel())
                            .bind(position++, row.contactKind())
                            .bind(position++, row.contactValue())
                            .bind(position++, row.deliverer())
                            .bind(position++, row.partnerId())
                            .bind(position++, row.channel())
                            .bind(position++, row.controller())
                            .bind(position++, row.createdAt())
                            .bind(position++, row.expiresAt())
                            .bind(position++, row.state())
                            .bind(position++, row.stateChangedAt());
                }
                insert.execute();
            }
        });
    }

    /**
     * One SELECT per chunk of customers, on the index (customer_id, created_at); times oldest first. Strictly after
     * {@code since}, in every state.
     */
    @Override
    public Map<CustomerId, List<Instant>> invitedSince(Collection<CustomerId> customers, Instant since) {
        Map<String, CustomerId> byId = new HashMap<>();
        customers.forEach(customer -> byId.put(customer.value(), customer));
        Map<CustomerId, List<Instant>> invited = new LinkedHashMap<>();
        jdbi.useHandle(handle -> {
            for (List<String> chunk : Chunks.of(byId.keySet())) {
                handle.createQuery("""
                                SELECT customer_id, created_at FROM invitation
                                WHERE customer_id IN (<ids>) AND created_at > :since
                                ORDER BY customer_id, created_at""")
                        .bindList("ids", chunk)
                        .bind("since", since.toEpochMilli())
                        .map((rs, ctx) -> Map.entry(rs.getString("customer_id"), rs.getLong("created_at")))
                        .forEach(row -> invited.computeIfAbsent(byId.get(row.getKey()), id -> new ArrayList<>())
                                .add(Instant.ofEpochMilli(row.getValue())));
            }
        });
        Map<CustomerId, List<Instant>> result = new LinkedHashMap<>();
        invited.forEach((customer, times) -> result.put(customer, List.copyOf(times)));
        return Collections.unmodifiableMap(result);
    }

    /**
     * One UPDATE, on the index by customer. It sees only committed invitations (and the caller's own): the use cases
     * lock the customer first ({@code CustomerLocks}, see package-info), so none can be committed for the customer
     * between this and the end of the caller's transaction.
     */
    @Override
    public int withdrawOpen(CustomerId customer, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE invitation SET state = :withdrawn, state_changed_at = :at
                        WHERE customer_id = :customerId AND state IN (<open>)""")
                .bind("withdrawn", InvitationState.WITHDRAWN.name())
                .bind("at", at.toEpochMilli())
                .bind("customerId", customer.value())
                .bindList("open", OPEN)
                .execute());
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM invitation WHERE invitation_id = :invitationId")
                .bind("invitationId", invitationId)
                .map(ROW)
                .findOne()
                .map(InvitationRow::toDomain));
    }

    @Override
    public List<Invitation> findByCustomer(CustomerId customer) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM invitation"
                        + " WHERE customer_id = :customerId ORDER BY created_at, invitation_id")
                .bind("customerId", customer.value())
                .map(ROW)
                .map(InvitationRow::toDomain)
                .list());
    }

    /**
     * A row of {@code invitation}. {@code stateChangedAt} is not part of {@link Invitation}; it is kept for the
     * reports. {@code contactValue} is NULL once erased.
     */
    public record InvitationRow(
            String invitationId,
            String surveyId,
            String customerId,
            String language,
            String deliveryChannel,
            String contactKind,
            String contactValue,
            String deliverer,
            String partnerId,
            String channel,
            String controller,
            long createdAt,
            long expiresAt,
            String state,
            long stateChangedAt) {

        static InvitationRow of(Invitation invitation) {
            DelivererColumns deliverer = DelivererColumns.of(invitation.deliverer());
            return new InvitationRow(
                    invitation.id(),
                    invitation.surveyId().value(),
                    invitation.customerId().value(),
                    invitation.language().code(),
                    invitation.deliveryChannel().name(),
                    invitation.contactPoint().kind().name(),
                    invitation.contactPoint().value(),
                    deliverer.deliverer(),
                    deliverer.partnerId(),
                    invitation.channel().map(Channel::name).orElse(null),
                    invitation.controller().value(),
                    invitation.createdAt().toEpochMilli(),
                    invitation.expiresAt().toEpochMilli(),
                    invitation.state().name(),
                    invitation.createdAt().toEpochMilli());
        }

        Invitation toDomain() {
            return new Invitation(
                    invitationId,
                    new SurveyId(surveyId),
                    new CustomerId(customerId),
                    Language.ofCode(language),
                    DeliveryChannel.valueOf(deliveryChannel),
                    contactPoint(),
                    new DelivererColumns(deliverer, partnerId).toDomain(),
                    Optional.ofNullable(channel).map(Channel::valueOf),
                    new Controller(controller),
                    Instant.ofEpochMilli(createdAt),
                    Instant.ofEpochMilli(expiresAt),
                    InvitationState.valueOf(state));
        }

        /** Never repeats the value in a message: it is personal data. */
        private ContactPoint contactPoint() {
            if (contactValue == null) {
                throw new IllegalStateException("invitation " + invitationId + " has had its contact point erased,"
                        + " and an Invitation cannot be without one");
            }
            return switch (ContactPointKind.valueOf(contactKind)) {
                case EMAIL -> new EmailAddress(contactValue);
                case MOBILE -> new MobileNumber(contactValue);
            };
        }
    }
}
