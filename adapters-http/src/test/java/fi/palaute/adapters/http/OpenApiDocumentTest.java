package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml is OpenAPI 3.1, but the request validator reads 3.0 and would skip, not fail, what it does not
 * understand. These checks keep the document inside the part where both read the same.
 */
class OpenApiDocumentTest {

    @Test
    void isOpenApi31() throws Exception {
        JsonNode document = new ObjectMapper().readTree(OpenApiDocument.asJson());
        assertEquals("3.1.0", document.get("openapi").asText());
    }

    @Test
    void usesNoSchemaKeywordThatTheValidatorWouldSkip() throws Exception {
        String yaml = new String(OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE).readAllBytes());
        for (String pattern : List.of("type:\\s*\\[", "null", "prefixItems", "\\$schema", "dependentRequired",
                "unevaluatedProperties", "exclusiveMinimum:\\s*\\d", "exclusiveMaximum:\\s*\\d", "examples:")) {
            assertFalse(Pattern.compile(pattern).matcher(yaml).find(), "3.1-only construct: " + pattern);
        }
    }

    @Test
    void everyRouteTheAdapterServesIsInTheDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(OpenApiDocument.asJson()).get("paths");
        Javalin app = HttpAdapter.create(new FakeUseCases().useCases(), TestServer.SETTINGS);
        List<String> served = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            if (!parsed.endpoint.method.isHttpMethod()) {
                continue; // a before or after handler
            }
            String method = parsed.endpoint.method.name().toLowerCase(Locale.ROOT);
            String path = parsed.endpoint.path;
            served.add(method + " " + path);
            if (!paths.path(path).has(method)) {
                undocumented.add(method + " " + path);
            }
        }
        assertTrue(served.contains("post /s/{token}/opt-out"), "the routes were read: " + served);
        assertEquals(List.of(), undocumented);
    }
}
