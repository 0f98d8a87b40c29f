package fi.palaute.adapters.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict: unknown fields, wrong types, duplicate keys, trailing content and
 * silent coercions (a number where a string belongs) are refused, so what a client meant is never guessed.
 * Error answers name the failing field but never echo the value sent.
 */
public final class StrictJson {

    public static final String JSON = "application/json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private StrictJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads the request body as {@code type}, or stops the request with a 4xx Problem. */
    public static <T> T readBody(Context ctx, Class<T> type) {
        requireJsonContentType(ctx);
        byte[] body = ctx.bodyAsBytes(); // bounded by the configured maximum: larger bodies end in 413
        if (body.length == 0) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw ProblemException.invalid(fieldPath(unknown), "unknown field");
        } catch (InvalidFormatException wrongValue) {
            throw ProblemException.invalid(fieldPath(wrongValue), expected(wrongValue.getTargetType()));
        } catch (MismatchedInputException wrongType) {
            Class<?> target = wrongType.getTargetType();
            if (wrongType.getPath().isEmpty()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            throw ProblemException.invalid(fieldPath(wrongType), expected(target));
        } catch (StreamReadException malformed) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON));
        } catch (JsonMappingException other) {
            throw ProblemException.invalid(fieldPath(other), "is not valid here");
        } catch (IOException unreadable) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON));
        }
    }

    public static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException("a response body could not be written as JSON", bug);
        }
    }

    private static void requireJsonContentType(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : "body." + path;
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be an integer";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        return "has the wrong type";
    }
}
