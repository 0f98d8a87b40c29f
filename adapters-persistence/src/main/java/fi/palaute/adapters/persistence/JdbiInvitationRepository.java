package fi.palaute.adapters.persistence;

import fi.palaute.adapters.persistence.JdbiSurveyRepository.DelivererColumns;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.LinkTarget;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.partner.DeliveryOutcome;
import fi.palaute.domain.partner.DeliveryReport;
import fi.palaute.domain.partner.PartnerInvitation;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.ContactPointKind;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * Invitations. The contact point is personal data: it is written for delivery and read back for it, and never
 * named in an exception here (a row is named by its invitation id only). Nor is a token hash, or a customer id.
 * What a partner may do with its invitations (list, claim, show, reissue, report) is filtered here by its partner id,
 * in the statement itself: another partner's or a bank-delivered invitation is simply not found.
 */
public final class JdbiInvitationRepository implements InvitationRepository {

    /** By hand, not by reflection: every survey link opened or answered maps one of these. */
    private static final RowMapper<InvitationRow> ROW = (rs, ctx) -> InvitationRow.read(rs);
    private static final String COLUMNS = "invitation_id, survey_id, customer_id, language, delivery_channel,"
            + " contact_kind, contact_value, deliverer, partner_id, channel, controller, created_at, expires_at, state,"
            + " state_changed_at";
    /** The invitation with its survey's state, anonymity and languages: one read on the token's index (JDBC). */
    private static final String LINK_TARGET = "SELECT "
            + Arrays.stream(COLUMNS.split(", ")).map(column -> "i." + column).collect(Collectors.joining(", "))
            + ", s.state AS survey_state, s.anonymous AS survey_anonymous, s.languages AS survey_languages"
            + " FROM invitation i JOIN survey s ON s.survey_id = i.survey_id WHERE i.token_hash = ?";
    private static final RowMapper<PartnerInvitationRow> PARTNER_ROW = ConstructorMapper.of(PartnerInvitationRow.class);
    private static final String PARTNER_COLUMNS = "invitation_id, state, delivery_channel, contact_kind, contact_value,"
            + " language, expires_at, delivery_outcome, delivered_at";
    private static final List<String> OPEN =
            List.of(InvitationState.PENDING.name(), InvitationState.HANDED_OVER.name());
    /** The partner's own invitations: the deliverer is named as well as the partner, as the CHECK pairs them. */
    private static final String OF_PARTNER = "deliverer = 'PARTNER' AND partner_id = :partnerId";
    /** Ready: pending, and not yet expired at {@code :now}. */
    private static final String READY = OF_PARTNER + " AND state = 'PENDING' AND expires_at > :now";
    private static final Comparator<Invitation> OLDEST_FIRST =
            Comparator.comparing(Invitation::createdAt).thenComparing(Invitation::id);

    private final Jdbi jdbi;
    private final String claimLock;
    private final String rowLock;

    JdbiInvitationRepository(Jdbi jdbi, Database.Vendor vendor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.claimLock = vendor.claimLock.map(clause -> " " + clause).orElse("");
        this.rowLock = vendor.rowLock.map(clause -> " " + clause).orElse("");
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
     * One {@code UPDATE ... RETURNING}, on the index by customer; the invitations come back as the statement left
     * them, oldest first. It sees only committed invitations (and the caller's own): the use cases lock the customer
     * first ({@code CustomerLocks}, see package-info), so none can be committed for the customer between this and the
     * end of the caller's transaction. On PostgreSQL an invitation a claim holds is waited for, then withdrawn as
     * that claim left it (handed over is open too), so a withdrawal never misses one.
     */
    @Override
    public List<Invitation> withdrawOpen(CustomerId customer, Instant at) {
        List<Invitation> withdrawn = new ArrayList<>(jdbi.withHandle(handle -> handle.createQuery(
                        "UPDATE invitation SET state = :withdrawn, state_changed_at = :at, contact_value = NULL"
                                + " WHERE customer_id = :customerId AND state IN (<open>) RETURNING " + COLUMNS)
                .bind("withdrawn", InvitationState.WITHDRAWN.name())
                .bind("at", at.toEpochMilli())
                .bind("customerId", customer.value())
                .bindList("open", OPEN)
                .map(ROW)
                .map(InvitationRow::toDomain)
                .list()));
        withdrawn.sort(OLDEST_FIRST);
        return List.copyOf(withdrawn);
    }

    /** One {@code UPDATE ... RETURNING}: a second run on another node waits for the row, then finds it ended. */
    @Override
    public List<Invitation> expireDue(Instant now) {
        List<Invitation> expired = new ArrayList<>(jdbi.withHandle(handle -> handle.createQuery(
                        "UPDATE invitation SET state = :expired, state_changed_at = :now, contact_value = NULL"
                                + " WHERE state IN (<open>) AND expires_at <= :now RETURNING " + COLUMNS)
                .bind("expired", InvitationState.EXPIRED.name())
                .bind("now", now.toEpochMilli())
                .bindList("open", OPEN)
                .map(ROW)
                .map(InvitationRow::toDomain)
                .list()));
        expired.sort(OLDEST_FIRST);
        return List.copyOf(expired);
    }

    /** Two statements: the customer's queue entries, then the invitations themselves, returning their ids. */
    @Override
    public List<String> deleteByCustomer(CustomerId customer) {
        return jdbi.withHandle(handle -> {
            handle.createUpdate("DELETE FROM bank_delivery_queue WHERE invitation_id IN"
                            + " (SELECT invitation_id FROM invitation WHERE customer_id = :customerId)")
                    .bind("customerId", customer.value())
                    .execute();
            List<String> removed = new ArrayList<>(handle.createQuery(
                            "DELETE FROM invitation WHERE customer_id = :customerId RETURNING invitation_id")
                    .bind("customerId", customer.value())
                    .mapTo(String.class)
                    .list());
            removed.sort(null);
            return List.copyOf(removed);
        });
    }

    @Override
    public int eraseEndedContactPoints() {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE invitation SET contact_value = NULL"
                        + " WHERE contact_value IS NOT NULL AND state NOT IN (<open>)")
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

    /** On the index (partner_id, state, invitation_id), in id order: a page of the partner's ready list. */
    @Override
    public List<PartnerInvitation> findReadyForPartner(PartnerId partnerId, Instant now, Optional<String> afterId,
            int limit) {
        requirePositive(limit);
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + PARTNER_COLUMNS + " FROM invitation WHERE " + READY
                            + (afterId.isPresent() ? " AND invitation_id > :afterId" : "")
                            + " ORDER BY invitation_id LIMIT :limit")
                    .bind("partnerId", partnerId.value())
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit);
            afterId.ifPresent(id -> query.bind("afterId", id));
            return query.map(PARTNER_ROW).map(PartnerInvitationRow::toDomain).list();
        });
    }

    /**
     * The ready list's first {@code limit} rows, locked with {@link Database.Vendor#claimLock}: on PostgreSQL
     * {@code FOR UPDATE SKIP LOCKED}, so a concurrent claim on any node passes over these rows and takes the next
     * ones, and none is handed out twice; on SQLite the write lock BEGIN IMMEDIATE took. Refused outside a
     * transaction, where no lock would outlive the statement. See package-info.
     */
    @Override
    public List<Invitation> lockReadyForPartner(PartnerId partnerId, Instant now, int limit) {
        requirePositive(limit);
        return jdbi.withHandle(handle -> {
            requireTransaction(handle, "ready invitations can only be claimed inside a transaction");
            return handle.createQuery("SELECT " + COLUMNS + " FROM invitation WHERE " + READY
                            + " ORDER BY invitation_id LIMIT :limit" + claimLock)
                    .bind("partnerId", partnerId.value())
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit)
                    .map(ROW)
                    .map(InvitationRow::toDomain)
                    .list();
        });
    }

    /**
     * One {@code UPDATE ... FROM (VALUES (id, hash), ...)} per {@link Chunks chunk} (both databases name the
     * VALUES columns column1, column2), on the primary key. Only pending invitations change: the caller has locked
     * them, so a count short of the chunk means it handed over something it had not claimed, and the transaction is
     * failed rather than a token given to an invitation that is no longer pending.
     */
    @Override
    public void handOver(Map<String, TokenHash> tokens, Instant at) {
        if (tokens.isEmpty()) {
            return;
        }
        long when = at.toEpochMilli();
        jdbi.useHandle(handle -> {
            for (List<Map.Entry<String, TokenHash>> chunk : Chunks.of(tokens.entrySet())) {
                Update update = handle.createUpdate("UPDATE invitation SET state = 'HANDED_OVER',"
                        + " token_hash = v.column2, handed_over_at = ?, state_changed_at = ?"
                        + " FROM (VALUES " + Chunks.rowsOfParameters(chunk.size(), 2) + ") AS v"
                        + " WHERE invitation.invitation_id = v.column1 AND invitation.state = 'PENDING'");
                int position = 0;
                update.bind(position++, when).bind(position++, when);
                for (Map.Entry<String, TokenHash> token : chunk) {
                    update.bind(position++, token.getKey()).bind(position++, token.getValue().hex());
                }
                int handedOver = update.execute();
                if (handedOver != chunk.size()) {
                    throw new IllegalStateException((chunk.size() - handedOver) + " of " + chunk.size()
                            + " invitations to hand over were not pending: were they claimed first?");
                }
            }
        });
    }

    @Override
    public Optional<PartnerInvitation> findForPartner(PartnerId partnerId, String invitationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + PARTNER_COLUMNS + " FROM invitation"
                        + " WHERE invitation_id = :invitationId AND " + OF_PARTNER)
                .bind("invitationId", invitationId)
                .bind("partnerId", partnerId.value())
                .map(PARTNER_ROW)
                .findOne()
                .map(PartnerInvitationRow::toDomain));
    }

    /**
     * The partner's invitation, locked with {@link Database.Vendor#rowLock} (on PostgreSQL {@code FOR UPDATE}; on
     * SQLite the write lock BEGIN IMMEDIATE took) until the transaction ends: a reissue or report and anything
     * else that changes the row (a second reissue, a withdrawal, an answer) run one after the other. Refused
     * outside a transaction. See package-info.
     */
    @Override
    public Optional<Invitation> lockForPartner(PartnerId partnerId, String invitationId) {
        return jdbi.withHandle(handle -> {
            requireTransaction(handle, "an invitation can only be locked inside a transaction");
            return handle.createQuery("SELECT " + COLUMNS + " FROM invitation"
                            + " WHERE invitation_id = :invitationId AND " + OF_PARTNER + rowLock)
                    .bind("invitationId", invitationId)
                    .bind("partnerId", partnerId.value())
                    .map(ROW)
                    .findOne()
                    .map(InvitationRow::toDomain);
        });
    }

    /** One UPDATE: the new hash replaces the old in that statement, so the old token finds nothing from then on. */
    @Override
    public void replaceToken(String invitationId, TokenHash tokenHash, Instant at) {
        int changed = jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE invitation SET token_hash = :tokenHash, handed_over_at = :at
                        WHERE invitation_id = :invitationId""")
                .bind("tokenHash", tokenHash.hex())
                .bind("at", at.toEpochMilli())
                .bind("invitationId", invitationId)
                .execute());
        requireOne(changed, invitationId);
    }

    /**
     * One SELECT on the unique index by token hash, the survey joined on its primary key, whatever the state: the
     * caller tells a used, expired or withdrawn invitation from an answerable one, and a used one has no hash left to
     * be found by.
     */
    @Override
    public Optional<LinkTarget> findLinkTarget(TokenHash tokenHash) {
        return jdbi.withHandle(handle -> PlainJdbc.on(handle, "find a link's invitation", connection -> {
            try (PreparedStatement query = connection.prepareStatement(LINK_TARGET)) {
                query.setString(1, tokenHash.hex());
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LinkTarget(InvitationRow.read(rs).toDomain(),
                            SurveyState.valueOf(rs.getString("survey_state")), rs.getInt("survey_anonymous") == 1,
                            Arrays.stream(rs.getString("survey_languages").split(",")).map(Language::ofCode)
                                    .toList()));
                }
            }
        }));
    }

    /**
     * One conditional UPDATE on the primary key; its count is the answer. On PostgreSQL (READ COMMITTED) a racing
     * second call waits for the first to commit, then re-checks the condition on the row as the first left it
     * (answered, its hash gone) and changes nothing; on SQLite the calls take turns. So exactly one of any number of
     * calls, on any nodes, returns true. The token's hash is erased with the contact point: the link then finds
     * nothing, like an unknown one.
     */
    @Override
    public boolean markAnswered(String invitationId, Instant now, Instant recordedAt) {
        return jdbi.withHandle(handle -> PlainJdbc.on(handle, "mark an invitation answered", connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE invitation
                    SET state = 'ANSWERED', contact_value = NULL, token_hash = NULL, state_changed_at = ?
                    WHERE invitation_id = ? AND state = 'HANDED_OVER' AND expires_at > ?""")) {
                update.setLong(1, recordedAt.toEpochMilli());
                update.setString(2, invitationId);
                update.setLong(3, now.toEpochMilli());
                return update.executeUpdate() == 1;
            }
        }));
    }

    /** One UPDATE: the latest report replaces the one before (the caller holds the row, see lockForPartner). */
    @Override
    public void recordDelivery(String invitationId, DeliveryReport report) {
        int changed = jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE invitation SET delivery_outcome = :outcome, delivered_at = :at
                        WHERE invitation_id = :invitationId""")
                .bind("outcome", report.outcome().name())
                .bind("at", report.at().toEpochMilli())
                .bind("invitationId", invitationId)
                .execute());
        requireOne(changed, invitationId);
    }

    private static void requireTransaction(Handle handle, String message) {
        if (!handle.isInTransaction()) {
            throw new IllegalStateException(message);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private static void requireOne(int changed, String invitationId) {
        if (changed != 1) {
            throw new IllegalStateException("no invitation " + invitationId);
        }
    }

    /** Never repeats the value in a message: it is personal data. */
    static ContactPoint contactPoint(String contactKind, String contactValue) {
        return switch (ContactPointKind.valueOf(contactKind)) {
            case EMAIL -> new EmailAddress(contactValue);
            case MOBILE -> new MobileNumber(contactValue);
        };
    }

    /**
     * The columns of {@code invitation} a partner may see. {@code contactValue} is NULL once erased;
     * {@code deliveryOutcome} and {@code deliveredAt} are NULL until the first report.
     */
    public record PartnerInvitationRow(
            String invitationId,
            String state,
            String deliveryChannel,
            String contactKind,
            String contactValue,
            String language,
            long expiresAt,
            String deliveryOutcome,
            Long deliveredAt) {

        PartnerInvitation toDomain() {
            Optional<DeliveryReport> lastDelivery = deliveryOutcome == null || deliveredAt == null ? Optional.empty()
                    : Optional.of(new DeliveryReport(DeliveryOutcome.valueOf(deliveryOutcome),
                            Instant.ofEpochMilli(deliveredAt)));
            return new PartnerInvitation(
                    invitationId,
                    InvitationState.valueOf(state),
                    DeliveryChannel.valueOf(deliveryChannel),
                    Optional.ofNullable(contactValue).map(value -> contactPoint(contactKind, value)),
                    Language.ofCode(language),
                    Instant.ofEpochMilli(expiresAt),
                    lastDelivery);
        }
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

        /** The row at the result set's cursor, read by the names of {@link #COLUMNS}. */
        static InvitationRow read(ResultSet rs) throws SQLException {
            return new InvitationRow(rs.getString("invitation_id"), rs.getString("survey_id"),
                    rs.getString("customer_id"), rs.getString("language"), rs.getString("delivery_channel"),
                    rs.getString("contact_kind"), rs.getString("contact_value"), rs.getString("deliverer"),
                    rs.getString("partner_id"), rs.getString("channel"), rs.getString("controller"),
                    rs.getLong("created_at"), rs.getLong("expires_at"), rs.getString("state"),
                    rs.getLong("state_changed_at"));
        }

        static InvitationRow of(Invitation invitation) {
            DelivererColumns deliverer = DelivererColumns.of(invitation.deliverer());
            return new InvitationRow(
                    invitation.id(),
                    invitation.surveyId().value(),
                    invitation.customerId().value(),
                    invitation.language().code(),
                    invitation.deliveryChannel().name(),
                    invitation.contactPoint().map(ContactPoint::kind)
                            .orElse(invitation.deliveryChannel().usableContactPoints().get(0)).name(),
                    invitation.contactPoint().map(ContactPoint::value).orElse(null),
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

        /** Empty once erased. */
        private Optional<ContactPoint> contactPoint() {
            return Optional.ofNullable(contactValue).map(value -> JdbiInvitationRepository.contactPoint(contactKind, value));
        }
    }
}
