package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.adapters.http.testing.ContractClient;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests no well-behaved client library would send, written byte by byte: Jetty refuses some before Javalin
 * sees them, and those answers must be Problem Details too, never an HTML error page or a stack trace.
 */
class RawRequestTest {

    private final FakeUseCases fakes = new FakeUseCases();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad percent-encoding in the path | GET /api/v1/customers/%zz/prohibition HTTP/1.1 | | 400",
            "a lone percent sign              | GET /% HTTP/1.1                                 | | 400",
            "not HTTP at all                  | GARBAGE                                         | | 400",
            "an unknown method                | BREW /health HTTP/1.1                           | | 405",
            "a dot-dot path                   | GET /api/v1/customers/../../etc/prohibition HTTP/1.1 | | 404",
            "a non-numeric Content-Length     | PUT /api/v1/customers/C1/prohibition HTTP/1.1   | Content-Length: abc | 400",
            "a declared body over the limit, refused before a byte of it is sent"
                    + " | PUT /api/v1/customers/C1/prohibition HTTP/1.1 | Content-Length: 262145 | 413",
            "a header over Jetty's limit      | GET /health HTTP/1.1                            | BIG | 431"})
    void isAnsweredWithAProblem(String what, String requestLine, String header, int status) {
        String extra = header == null ? "" : header.equals("BIG") ? "X-Big: " + "a".repeat(70_000) : header;
        TestServer.with(fakes, client -> {
            Map.Entry<String, String> answer = send(client, requestLine + "\r\nHost: localhost\r\n"
                    + (extra.isEmpty() ? "" : extra + "\r\n") + "Connection: close\r\n\r\n");
            String head = answer.getKey();
            assertTrue(head.startsWith("HTTP/1.1 " + status), what + ": " + head.lines().findFirst().orElse(""));
            assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), head);
            assertTrue(answer.getValue().startsWith("{\"type\":\"urn:palaute:problem:"), answer.getValue());
            assertTrue(answer.getValue().contains("\"status\":" + status), answer.getValue());
        });
        assertEquals(0, fakes.writes());
    }

    private static Map.Entry<String, String> send(ContractClient client, String request) {
        try (Socket socket = new Socket("localhost", client.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> parts = List.of(response.split("\r\n\r\n", 2));
            return Map.entry(parts.get(0), parts.size() > 1 ? parts.get(1) : "");
        } catch (IOException e) {
            throw new AssertionError("no answer", e);
        }
    }
}
