package fi.palaute.adapters.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP client for tests that checks every exchange against {@code openapi.yaml}: a request the document does
 * not allow, or a response it does not describe, fails the test. So the document cannot drift from the code.
 * Tests of bad input use {@link #sendBad}: the request is meant to be wrong, and only the answer is checked.
 */
public final class ContractClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(readSpec()).build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;
    private final String baseUrl;

    private ContractClient(int port) {
        this.port = port;
        this.baseUrl = "http://localhost:" + port;
    }

    public static ContractClient onPort(int port) {
        return new ContractClient(port);
    }

    public int port() {
        return port;
    }

    public static OpenApiInteractionValidator validator() {
        return VALIDATOR;
    }

    /** A well-formed call: request and response must both match the document. */
    public Answer send(Call call) {
        Answer answer = exchange(call);
        ValidationReport report = VALIDATOR.validate(call.toValidatorRequest(), answer.toValidatorResponse());
        if (report.hasErrors()) {
            fail("exchange breaks openapi.yaml: " + call.method + " " + call.path + " -> " + answer.status
                    + "\n" + report + "\nbody: " + answer.text);
        }
        return answer;
    }

    /**
     * A deliberately bad call. The answer must be a Problem Details document; where the route exists, it must
     * also be a response the document lists for that operation.
     */
    public Answer sendBad(Call call) {
        Answer answer = exchange(call);
        assertProblem(answer);
        ValidationReport report = VALIDATOR.validateResponse(
                call.pathWithoutQuery(), Request.Method.valueOf(call.method), answer.toValidatorResponse());
        boolean unknownOperation = report.getMessages().stream().anyMatch(m ->
                m.getKey().startsWith("validation.request.path.missing")
                        || m.getKey().startsWith("validation.request.operation.notAllowed"));
        if (report.hasErrors() && !unknownOperation) {
            fail("error answer breaks openapi.yaml: " + call.method + " " + call.path + " -> " + answer.status
                    + "\n" + report + "\nbody: " + answer.text);
        }
        return answer;
    }

    /**
     * A request to a customer's page. A browser may send a page anything, and the page answers it with a page, so
     * only the answer is checked: where the route exists, it must be a response the document lists.
     */
    public Answer sendPage(Call call) {
        Answer answer = exchange(call);
        ValidationReport report = VALIDATOR.validateResponse(
                call.pathWithoutQuery(), Request.Method.valueOf(call.method), answer.toValidatorResponse());
        boolean unknownOperation = report.getMessages().stream().anyMatch(m ->
                m.getKey().startsWith("validation.request.path.missing")
                        || m.getKey().startsWith("validation.request.operation.notAllowed"));
        if (report.hasErrors() && !unknownOperation) {
            fail("page answer breaks openapi.yaml: " + call.method + " " + call.path + " -> " + answer.status
                    + "\n" + report + "\nbody: " + answer.text);
        }
        return answer;
    }

    public static void assertProblem(Answer answer) {
        assertTrue(answer.status >= 400, "an error status, got " + answer.status);
        assertEquals("application/problem+json", answer.contentType().orElse(""), "content type");
        JsonNode body = answer.json();
        assertTrue(body.path("type").asText().startsWith("urn:palaute:problem:"), "stable type URI: " + body);
        assertFalse(body.path("title").asText().isBlank(), "a title");
        assertEquals(answer.status, body.path("status").asInt(), "status member equals HTTP status");
        String text = answer.text.toLowerCase();
        assertFalse(text.contains("exception") || text.contains("\tat ") || text.contains(".java"),
                "no stack trace or exception text in: " + answer.text);
    }

    private Answer exchange(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + call.path))
                .timeout(Duration.ofSeconds(20));
        call.headers.forEach(builder::header);
        builder.method(call.method, call.publisher());
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The validator reads OpenAPI 3.0 only: given a 3.1 document it checks paths and statuses but silently
     * skips every schema. Our document uses no 3.1-only schema semantics (no type arrays, no nulls), so it is
     * read here as 3.0 with the two spellings that differ rewritten; {@code OpenApiDocumentTest} keeps it so.
     */
    static String readSpec() {
        try (InputStream in = ContractClient.class.getResourceAsStream("/openapi.yaml")) {
            String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return spec.replaceFirst("(?m)^openapi: 3\\.1\\.0$", "openapi: 3.0.3")
                    .replaceFirst("(?m)^  summary: .*\\n", "")
                    .replaceAll("const: (\\w+)", "enum: [$1]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request to make. */
    public static final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean chunked;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public static Call get(String path) {
            return new Call("GET", path);
        }

        public static Call put(String path) {
            return new Call("PUT", path);
        }

        public static Call post(String path) {
            return new Call("POST", path);
        }

        public static Call delete(String path) {
            return new Call("DELETE", path);
        }

        public static Call method(String method, String path) {
            return new Call(method, path);
        }

        public Call key(String key) {
            return header("Authorization", "Bearer " + key);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body, sent with {@code Content-Type: application/json}. */
        public Call json(String json) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** A form as a browser sends it, {@code application/x-www-form-urlencoded}; the text is sent as given. */
        public Call form(String urlEncoded) {
            return body("application/x-www-form-urlencoded", urlEncoded.getBytes(StandardCharsets.UTF_8));
        }

        public Call body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = bytes;
            return this;
        }

        /** Sends the body without a Content-Length, so only reading it can find it too large. */
        public Call chunked() {
            chunked = true;
            return this;
        }

        private HttpRequest.BodyPublisher publisher() {
            if (body == null) {
                return HttpRequest.BodyPublishers.noBody();
            }
            return chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body);
        }

        private String pathWithoutQuery() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }

        private Request toValidatorRequest() {
            SimpleRequest.Builder builder = new SimpleRequest.Builder(method, pathWithoutQuery());
            headers.forEach(builder::withHeader);
            if (body != null) {
                builder.withBody(new String(body, StandardCharsets.UTF_8));
            }
            int q = path.indexOf('?');
            if (q >= 0) {
                for (String pair : path.substring(q + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    builder.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return builder.build();
        }
    }

    /** What came back. */
    public record Answer(int status, Map<String, List<String>> headers, String text) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public Optional<String> contentType() {
            return header("Content-Type").map(value -> value.split(";", 2)[0].trim());
        }

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        com.atlassian.oai.validator.model.Response toValidatorResponse() {
            SimpleResponse.Builder builder = SimpleResponse.Builder.status(status).withBody(text);
            headers.forEach((name, values) -> {
                if (name != null && !name.startsWith(":")) {
                    builder.withHeader(name, values);
                }
            });
            return builder.build();
        }
    }
}
