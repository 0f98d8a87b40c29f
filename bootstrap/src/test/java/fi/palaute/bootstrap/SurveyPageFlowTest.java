package fi.palaute.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.persistence.Database;
import fi.palaute.application.service.lifecycle.ReleaseAnonymousAnswersService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer's whole way through the real service on SQLite: a partner claims the invitation, the customer opens
 * the link (which changes nothing), answers, and the link is spent; a detractor who allows contact reaches the
 * follow-up list; an anonymous survey's answer is stored with nothing that leads back; "I do not want surveys" sets a
 * SURVEY_LINK prohibition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyPageFlowTest {

    @TempDir
    static Path dir;

    private TestCluster cluster;
    private ContractClient client;
    private String partnerKey;

    @BeforeAll
    void start() {
        cluster = TestCluster.sqlite(dir);
        client = ContractClient.onPort(cluster.nodes().get(0).port());
        partnerKey = ActiveSurveys.partnerSmsOnBranch(client, cluster.key("ADMIN"), "flow-partner");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private String tokenFor(String customer) {
        return HandedOverLinks.tokenFor(client, cluster.key("EVENT_SOURCE"), partnerKey, customer);
    }

    @Test
    void openingChangesNothingAnsweringSpendsTheLinkAndADetractorReachesTheFollowUps() throws Exception {
        String token = tokenFor("C-flow-1");

        Answer page = client.send(Call.get("/s/" + token));
        assertEquals(200, page.status());
        assertTrue(page.text().contains("name=\"score\""), "the form");
        assertEquals(200, client.send(Call.get("/s/" + token)).status(), "opening again: still answerable");

        Answer thanks = client.send(HandedOverLinks.submit(token,
                "score=4&comment=Jono+oli+pitk%C3%A4%2C+soita+040+123+4567&contact=yes&lang=fi"));
        assertEquals(200, thanks.status(), thanks.text());

        Answer spent = client.send(Call.get("/s/" + token));
        Answer unknown = client.send(Call.get("/s/" + "x".repeat(43)));
        assertEquals(410, spent.status());
        assertEquals(unknown.text(), spent.text(), "a used link and an unknown one look the same");

        JsonNode followUps = client.send(Call.get("/api/v1/follow-ups?state=OPEN").key(cluster.key("ADMIN")))
                .json().get("followUps");
        assertEquals(1, followUps.size(), followUps.toString());
        JsonNode followUp = followUps.get(0);
        assertEquals("C-flow-1", followUp.get("customerId").asText());
        assertEquals("BRANCH", followUp.get("channel").asText());
        assertEquals(4, followUp.get("score").asInt());
        String comment = followUp.get("comment").asText();
        assertTrue(comment.startsWith("Jono oli pitkä, soita "), comment);
        assertFalse(comment.contains("123 4567"), "the phone number never reached the database: " + comment);

        JsonNode changes = client.send(Call.get("/api/v1/partner/changes").key(partnerKey)).json().get("changes");
        assertEquals("ANSWERED", changes.get(changes.size() - 1).get("kind").asText());
    }

    @Test
    void anAnonymousSurveysAnswerIsStoredWithNothingThatLeadsBack() throws Exception {
        try (TestCluster anonymousCluster = TestCluster.sqlite(Files.createDirectories(dir.resolve("anonymous")))) {
            ContractClient node = ContractClient.onPort(anonymousCluster.nodes().get(0).port());
            String key = ActiveSurveys.partnerSmsOnBranch(node, anonymousCluster.key("ADMIN"), "anon-partner", true);
            String token = HandedOverLinks.tokenFor(node, anonymousCluster.key("EVENT_SOURCE"), key, "C-anonymous");

            Answer page = node.send(Call.get("/s/" + token));
            assertEquals(200, page.status());
            assertFalse(page.text().contains("name=\"contact\""), "no contact box on an anonymous survey");
            assertEquals(200, node.send(HandedOverLinks.submit(token, "score=2&contact=yes&lang=fi")).status());

            assertEquals(1, rows(anonymousCluster, "SELECT * FROM anonymous_answer_held").size(), "held back");
            assertEquals(0, rows(anonymousCluster, "SELECT * FROM anonymous_answer").size());
            try (Database database = anonymousCluster.openDatabase()) {
                assertEquals(1, new ReleaseAnonymousAnswersService(database.transactions(), database.answers(), 1,
                        Clock.systemUTC()).release(), "released by the job's use case, here with a batch of one");
            }
            List<Map<String, Object>> rows = rows(anonymousCluster, "SELECT * FROM anonymous_answer");
            assertEquals(1, rows.size());
            assertEquals(java.util.Set.of("answer_id", "survey_id", "channel", "controller", "language", "score",
                    "comment", "iso_week"), rows.get(0).keySet(), "nothing else is kept");
            String week = (String) rows.get(0).get("iso_week");
            assertTrue(week.matches("\\d{4}-W\\d{2}"), week);
            assertEquals(0, rows(anonymousCluster, "SELECT * FROM identified_answer").size());
            assertEquals(0, node.send(Call.get("/api/v1/follow-ups").key(anonymousCluster.key("ADMIN"))).json()
                    .get("followUps").size(), "no follow-up for an anonymous answer, though contact was ticked");
        }
    }

    @Test
    void iDoNotWantSurveysSetsASurveyLinkProhibitionAndSpendsTheLink() throws Exception {
        String token = tokenFor("C-flow-optout");

        Answer done = client.send(Call.post("/s/" + token + "/opt-out")
                .body("application/x-www-form-urlencoded", "lang=fi".getBytes()));
        assertEquals(200, done.status(), done.text());

        JsonNode prohibition = client.send(Call.get("/api/v1/customers/C-flow-optout/prohibition")
                .key(cluster.key("CUSTOMER_SERVICE"))).json();
        assertEquals("SURVEY_LINK", prohibition.get("source").asText(), prohibition.toString());
        assertEquals(410, client.send(Call.get("/s/" + token)).status(), "its own link was withdrawn too");
    }

    private static List<Map<String, Object>> rows(TestCluster on, String sql) throws SQLException {
        PalauteConfig config = on.config();
        try (Connection connection = DriverManager.getConnection(config.dbUrl());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
