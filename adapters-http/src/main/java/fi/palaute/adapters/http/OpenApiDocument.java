package fi.palaute.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.palaute.adapters.http.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written contract, {@code openapi.yaml} on the classpath, served as JSON at {@code /openapi.json}. */
public final class OpenApiDocument {

    public static final String RESOURCE = "/openapi.yaml";

    private OpenApiDocument() {
    }

    public static byte[] asJson() {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return StrictJson.mapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml cannot be read", e);
        }
    }
}
