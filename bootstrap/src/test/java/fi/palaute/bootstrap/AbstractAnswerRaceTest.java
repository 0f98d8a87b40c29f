package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.bootstrap.SimultaneousCalls.Aimed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The answering rules that two requests must not both win, raced over every node of a cluster (R-NOLOGIN,
 * R-OPTOUT): fifty submissions of one link store one answer; a prohibition and a detractor's answer racing never
 * leave an open follow-up behind. What the nodes stored is read from the database itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAnswerRaceTest {

    private static final int ROUNDS = 5;
    private static final int SUBMISSIONS = 50;
    private static final int PROHIBITION_ROUNDS = 20;

    protected abstract TestCluster startCluster() throws Exception;

    private TestCluster cluster;
    private List<ContractClient> clients;
    private String partnerKey;
    private final ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);

    @BeforeAll
    void start() throws Exception {
        cluster = startCluster();
        clients = cluster.nodes().stream().map(node -> ContractClient.onPort(node.port())).toList();
        ActiveSurveys.raiseBudget(clients.get(0), cluster.key("ADMIN"), "EVENT_SOURCE");
        ActiveSurveys.raiseBudget(clients.get(0), cluster.key("ADMIN"), "CUSTOMER_SERVICE");
        partnerKey = ActiveSurveys.partnerSmsOnBranch(clients.get(0), cluster.key("ADMIN"), "answer-race-partner");
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        cluster.close();
    }

    @Test
    void fiftySubmissionsOfOneLinkOnEveryNodeStoreOneAnswer() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String customer = freshCustomer();
            String token = HandedOverLinks.tokenFor(clients.get(0), cluster.key("EVENT_SOURCE"), partnerKey, customer);
            List<Aimed> calls = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                calls.add(new Aimed(node(i), HandedOverLinks.submit(token, "score=" + (i % 11) + "&lang=fi")));
            }
            List<Integer> statuses = SimultaneousCalls.send(pool, calls).stream().map(Answer::status).toList();

            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "round " + round + ": " + statuses);
            assertEquals(SUBMISSIONS - 1, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
            assertEquals(1, count("SELECT COUNT(*) FROM identified_answer WHERE customer_id = ?", customer),
                    "round " + round + ": one answer stored");
        }
    }

    @Test
    void aProhibitionAndADetractorsAnswerRacingNeverLeaveAnOpenFollowUp() throws Exception {
        int answeredFirst = 0;
        for (int round = 0; round < PROHIBITION_ROUNDS; round++) {
            String customer = freshCustomer();
            String token = HandedOverLinks.tokenFor(clients.get(0), cluster.key("EVENT_SOURCE"), partnerKey, customer);
            List<Answer> answers = SimultaneousCalls.send(pool, List.of(
                    new Aimed(node(round), Call.put("/api/v1/customers/" + customer + "/prohibition")
                            .key(cluster.key("CUSTOMER_SERVICE")).json("{\"agentId\":\"agent-1\"}")),
                    new Aimed(node(round + 1), HandedOverLinks.submit(token, "score=2&contact=yes&lang=fi"))));

            assertEquals(201, answers.get(0).status(), answers.get(0).text());
            long active = count("SELECT COUNT(*) FROM follow_up f JOIN identified_answer a ON a.answer_id = f.answer_id"
                    + " WHERE a.customer_id = ? AND f.state IN ('OPEN', 'TAKEN')", customer);
            assertEquals(0, active, "round " + round + ": a follow-up outlived the prohibition");
            if (answers.get(1).status() == 200) {
                answeredFirst++;
                assertEquals(1, count("SELECT COUNT(*) FROM follow_up f JOIN identified_answer a"
                        + " ON a.answer_id = f.answer_id WHERE a.customer_id = ? AND f.state = 'CANCELLED'", customer));
            } else {
                assertEquals(410, answers.get(1).status());
                assertEquals(0, count("SELECT COUNT(*) FROM identified_answer WHERE customer_id = ?", customer));
            }
        }
        System.out.printf("prohibition/answer race: the answer came first in %d of %d rounds%n", answeredFirst,
                PROHIBITION_ROUNDS);
    }

    private long count(String sql, String parameter) throws SQLException {
        PalauteConfig config = cluster.config();
        try (Connection connection = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private ContractClient node(int index) {
        return clients.get(index % clients.size());
    }

    private static String freshCustomer() {
        return "answer-race-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
