package fi.palaute.bootstrap;

import static fi.palaute.adapters.http.testing.ContractClient.Call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests for one customer that race each other, spread over every node of a cluster: however they interleave,
 * exactly one set wins, and the history alternates SET, LIFTED, SET… and ends in the state the customer is in.
 * Subclasses say what the cluster is (one node on SQLite; two nodes on one PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractProhibitionRaceTest {

    /** Per race; with the repetitions below, each demo key stays inside its burst of 200 (no 429s). */
    private static final int REQUESTS = 24;

    protected abstract TestCluster startCluster() throws Exception;

    private TestCluster cluster;
    private List<ContractClient> clients;
    private final ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);

    @BeforeAll
    void start() throws Exception {
        cluster = startCluster();
        clients = cluster.nodes().stream().map(node -> ContractClient.onPort(node.port())).toList();
    }

    @AfterAll
    void stop() throws Exception {
        pool.shutdownNow();
        cluster.close();
    }

    @RepeatedTest(5)
    void ofManySimultaneousSetsExactlyOneWins() throws Exception {
        String path = "/api/v1/customers/" + freshCustomer() + "/prohibition";
        List<Integer> statuses = race(i -> Call.put(path).key(cluster.key("CUSTOMER_SERVICE"))
                .json("{\"agentId\":\"agent-" + i + "\"}"));
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one 201: " + statuses);
        assertEquals(REQUESTS - 1, statuses.stream().filter(s -> s == 200).count(), "the rest 200: " + statuses);
        assertEquals(1, history(path).size(), "one history entry");
    }

    @RepeatedTest(5)
    void setsAndLiftsInAnyOrderLeaveAnAlternatingHistoryThatEndsInTheState() throws Exception {
        String path = "/api/v1/customers/" + freshCustomer() + "/prohibition";
        List<Integer> statuses = race(i -> ThreadLocalRandom.current().nextBoolean()
                ? Call.put(path).key(cluster.key("SELF_SERVICE")).json("{\"channel\":\"MOBILE\"}")
                : Call.delete(path + "?agentId=agent-" + i).key(cluster.key("CUSTOMER_SERVICE")));
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), "no errors: " + statuses);

        JsonNode changes = history(path);
        for (int i = 0; i < changes.size(); i++) {
            assertEquals(i % 2 == 0 ? "SET" : "LIFTED", changes.get(i).get("action").asText(), "entry " + i);
        }
        boolean prohibited = clients.get(0).send(Call.get(path).key(cluster.key("CUSTOMER_SERVICE")))
                .json().get("prohibited").asBoolean();
        assertEquals(changes.size() % 2 == 1, prohibited, "the last entry is the state");
        assertEquals(statuses.stream().filter(s -> s == 201).count(), (changes.size() + 1) / 2,
                "every 201 wrote one SET, and nothing else did");
    }

    private interface CallMaker {
        Call make(int index);
    }

    /** Sends REQUESTS calls at one moment, round-robin over the nodes; returns their statuses. */
    private List<Integer> race(CallMaker calls) throws Exception {
        List<SimultaneousCalls.Aimed> aimed = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            aimed.add(new SimultaneousCalls.Aimed(clients.get(i % clients.size()), calls.make(i)));
        }
        return SimultaneousCalls.send(pool, aimed).stream().map(ContractClient.Answer::status).toList();
    }

    /** The history, read on the last node; a history that breaks its own rules answers 500 and fails here. */
    private JsonNode history(String path) {
        var answer = clients.get(clients.size() - 1).send(Call.get(path + "/history").key(cluster.key("SELF_SERVICE")));
        assertEquals(200, answer.status(), answer.text());
        return answer.json().get("changes");
    }

    private static String freshCustomer() {
        return "race-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
