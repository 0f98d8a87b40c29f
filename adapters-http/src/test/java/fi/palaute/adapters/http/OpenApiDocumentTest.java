package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
}
