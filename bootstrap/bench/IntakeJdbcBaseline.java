import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake benchmark's yardstick: how fast the rows the service wrote for a run of events go into the same SQLite
 * file directly through JDBC, in transactions of 100 events each, with the service's own settings (WAL,
 * synchronous=FULL, BEGIN IMMEDIATE). It copies the rows of the first EVENTS events of one source under a new
 * source name: the events, their decisions, a proportional share of the invitations and their delivery-queue rows
 * per transaction, and the funnel counters as upserts. No reads and no decisions: only the writes.
 *
 *   java -cp bootstrap/target/palaute.jar bootstrap/bench/IntakeJdbcBaseline.java DB_FILE SOURCE LABEL [EVENTS]
 */
public class IntakeJdbcBaseline {

    private static final int PER_TRANSACTION = 100;

    record Event(String eventId, long receivedAt) {
    }

    record Decision(String eventId, int ordinal, String surveyId, String reason) {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        String source = args[1];
        String label = args[2];
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            List<Event> events = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT event_id, received_at FROM service_event WHERE source = ? ORDER BY rowid LIMIT ?")) {
                q.setString(1, source);
                q.setInt(2, limit);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        events.add(new Event(r.getString(1), r.getLong(2)));
                    }
                }
            }
            Map<String, List<Decision>> decisions = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT event_id, ordinal, survey_id, reason FROM event_decision WHERE source = ?")) {
                q.setString(1, source);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        decisions.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                                .add(new Decision(r.getString(1), r.getInt(2), r.getString(3), r.getString(4)));
                    }
                }
            }
            long invitedCount = events.stream()
                    .flatMap(event -> decisions.getOrDefault(event.eventId(), List.of()).stream())
                    .filter(decision -> decision.reason().equals("INVITED"))
                    .count();
            List<Object[]> invitations = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT invitation_id, survey_id, customer_id, language,"
                    + " delivery_channel, contact_kind, contact_value, deliverer, partner_id, channel, controller,"
                    + " created_at, expires_at, state, state_changed_at FROM invitation ORDER BY invitation_id LIMIT ?")) {
                q.setLong(1, invitedCount);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        Object[] row = new Object[15];
                        for (int i = 0; i < 15; i++) {
                            row[i] = r.getObject(i + 1);
                        }
                        invitations.add(row);
                    }
                }
            }
            c.setAutoCommit(true);
            String copy = source + "-" + label;
            int transactions = (events.size() + PER_TRANSACTION - 1) / PER_TRANSACTION;
            long started = System.nanoTime();
            for (int t = 0; t < transactions; t++) {
                List<Event> chunk = events.subList(t * PER_TRANSACTION, Math.min(events.size(), (t + 1) * PER_TRANSACTION));
                List<Object[]> chunkInvitations = invitations.subList(
                        (int) ((long) t * invitations.size() / transactions),
                        (int) ((long) (t + 1) * invitations.size() / transactions));
                write(c, copy, label, chunk, decisions, chunkInvitations);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("RESULT jdbc events=%d invitations=%d transactions=%d seconds=%.2f events_per_s=%.0f%n",
                    events.size(), invitations.size(), transactions, seconds, events.size() / seconds);
        }
    }

    private static void write(Connection c, String copy, String label, List<Event> chunk,
            Map<String, List<Decision>> decisions, List<Object[]> invitations) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        Map<String, Long> funnel = new LinkedHashMap<>();
        try (PreparedStatement e = c.prepareStatement(
                "INSERT INTO service_event (source, event_id, received_at) VALUES (?, ?, ?)");
             PreparedStatement d = c.prepareStatement("INSERT INTO event_decision (source, event_id, ordinal,"
                     + " survey_id, reason) VALUES (?, ?, ?, ?, ?)")) {
            for (Event event : chunk) {
                e.setString(1, copy);
                e.setString(2, event.eventId());
                e.setLong(3, event.receivedAt());
                e.addBatch();
                for (Decision decision : decisions.getOrDefault(event.eventId(), List.of())) {
                    d.setString(1, copy);
                    d.setString(2, event.eventId());
                    d.setInt(3, decision.ordinal());
                    d.setString(4, decision.surveyId());
                    d.setString(5, decision.reason());
                    d.addBatch();
                    funnel.merge(decision.surveyId() + "|" + decision.reason(), 1L, Long::sum);
                }
            }
            e.executeBatch();
            d.executeBatch();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO invitation (invitation_id, survey_id, customer_id,"
                + " language, delivery_channel, contact_kind, contact_value, deliverer, partner_id, channel, controller,"
                + " created_at, expires_at, state, state_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement q = c.prepareStatement(
                     "INSERT INTO bank_delivery_queue (invitation_id, ready_at) VALUES (?, ?)")) {
            for (Object[] row : invitations) {
                String id = row[0] + "-" + label;
                i.setString(1, id);
                for (int k = 1; k < 15; k++) {
                    i.setObject(k + 1, row[k]);
                }
                i.addBatch();
                if ("BANK".equals(row[7])) {
                    q.setString(1, id);
                    q.setObject(2, row[11]);
                    q.addBatch();
                }
            }
            i.executeBatch();
            q.executeBatch();
        }
        try (PreparedStatement f = c.prepareStatement("INSERT INTO funnel_count (survey_id, day, step, count)"
                + " VALUES (?, '2000-01-01', ?, ?) ON CONFLICT (survey_id, day, step)"
                + " DO UPDATE SET count = funnel_count.count + excluded.count")) {
            for (Map.Entry<String, Long> entry : funnel.entrySet()) {
                String[] key = entry.getKey().split("\\|");
                f.setString(1, key[0]);
                f.setString(2, key[1]);
                f.setLong(3, entry.getValue());
                f.addBatch();
            }
            f.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        }
    }
}
