package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.FakeUseCases.SurveyLink;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.domain.survey.Language;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A survey token is a key to a customer's answer: it must reach no log line (R-NOLOGIN; ARCHITECTURE habit 8). Every
 * log event of the process is captured, at the levels the service logs at, while the page is used in every way,
 * failures included.
 */
class SurveyPageLogTest {

    private static final String TOKEN = "c2VjcmV0LXRva2VuLW9mLWEtY3VzdG9tZXI_MjU2Yml0";
    private static final String FAILING_TOKEN = "ZmFpbGluZy10b2tlbi1vZi1hLWN1c3RvbWVyXzI1NmI";

    private final FakeUseCases fakes = new FakeUseCases();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void noTokenReachesALogLineWhateverHappens() {
        fakes.addSurveyLink(TOKEN, new SurveyLink(Language.FI, List.of(Language.FI, Language.SV), false));
        var open = fakes.openSurvey;
        fakes.openSurvey = token -> {
            if (token.equals(FAILING_TOKEN)) {
                throw new IllegalStateException("the database is down");
            }
            return open.open(token);
        };
        fakes.submitAnswer = command -> {
            throw new IllegalStateException("the database is down");
        };
        TestServer.with(fakes, client -> {
            client.sendPage(Call.get("/s/" + TOKEN + "?lang=sv"));
            client.sendPage(Call.post("/s/" + TOKEN).form("comment=x&lang=sv"));
            assertEquals(500, client.sendPage(Call.post("/s/" + TOKEN).form("score=3&lang=sv")).status());
            assertEquals(500, client.sendPage(Call.get("/s/" + FAILING_TOKEN)).status());
            client.sendPage(Call.post("/s/" + FAILING_TOKEN + "/opt-out"));
            client.sendPage(Call.method("PUT", "/s/" + FAILING_TOKEN));
            client.sendPage(Call.get("/s/" + FAILING_TOKEN + "/nowhere"));
            client.sendPage(Call.post("/s/" + FAILING_TOKEN).form("comment=" + "a".repeat(256 * 1024)).chunked());
            client.sendPage(Call.post("/s/" + TOKEN + "/opt-out").form("lang=fi"));
        });

        List<String> lines = captured.list.stream().map(SurveyPageLogTest::everythingLogged).toList();
        long failures = lines.stream().filter(line -> line.contains("Request failed, errorId=")).count();
        assertEquals(2, failures, "both failures were logged, so the capture works: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("/s/{token}")), "by the route template");
        for (String line : lines) {
            assertFalse(line.contains(TOKEN) || line.contains(FAILING_TOKEN), "a token in the log: " + line);
        }
    }

    /** The message, and every message and frame of its exception and their causes. */
    private static String everythingLogged(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append('\n').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }
}
