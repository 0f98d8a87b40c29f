package fi.palaute.adapters.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict: unknown fields, wrong types, duplicate keys, trailing content and
 * silent coercions (a number where a string belongs) are refused, so what a client meant is never guessed.
 * Error answers name the failing field but never echo the value sent.
 */
public final class StrictJson {

    public static final String JSON = "application/json";
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

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
        return read(requiredBody(ctx), type, "must be a JSON object");
    }

    /** The bytes of a JSON request body; a missing body or another media type stops the request. */
    public static byte[] requiredBody(Context ctx) {
        requireJsonContentType(ctx);
        byte[] body = ctx.bodyAsBytes(); // bounded by the configured maximum: larger bodies end in 413
        if (body.length == 0) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        return body;
    }

    /** Whether the first thing in a body is {@code [}: a JSON array, however the rest turns out. */
    public static boolean startsWithArray(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '[';
            }
        }
        return false;
    }

    /**
     * Reads a body as {@code type}, or stops the request with a 4xx Problem naming the failing field.
     *
     * @param wrongShape the reason given when the body as a whole has the wrong shape
     */
    public static <T> T read(byte[] body, Class<T> type, String wrongShape) {
        T value = bind(() -> MAPPER.readValue(body, type), "body", wrongShape);
        if (value == null) { // the body was the literal null, which no handler expects
            throw ProblemException.invalid("body", wrongShape);
        }
        return value;
    }

    /** Reads a body as a tree, to look at its parts one by one; malformed JSON stops the request. */
    public static JsonNode readTree(byte[] body) {
        return bind(() -> MAPPER.readTree(body), "body", "must be JSON");
    }

    /**
     * Binds one part of a body read as a tree, with the same strictness as {@link #read}; failures are named
     * from {@code root}, as in {@code body[3].channel}.
     */
    public static <T> T convert(JsonNode part, Class<T> type, String root, String wrongShape) {
        return bind(() -> MAPPER.treeToValue(part, type), root, wrongShape);
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T bind(Reading<T> reading, String root, String wrongShape) {
        try {
            return reading.read();
        } catch (JsonMappingException wrong) {
            throw problemOf(wrong, root, wrongShape);
        } catch (InputCoercionException outOfRange) {
            throw outOfRange(outOfRange, root);
        } catch (IOException malformed) { // StreamReadException and its kind: not JSON, or cut short
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON));
        }
    }

    private static ProblemException problemOf(JsonMappingException e, String root, String wrongShape) {
        if (e.getCause() instanceof InputCoercionException outOfRange) {
            return outOfRange(outOfRange, root);
        }
        if (e.getCause() instanceof StreamReadException) { // inside an array Jackson wraps an early end
            return new ProblemException(Problem.of(ProblemType.MALFORMED_JSON));
        }
        if (e instanceof UnrecognizedPropertyException) {
            return ProblemException.invalid(fieldPath(e, root), "unknown field");
        }
        if (e instanceof InvalidFormatException wrongValue) {
            return ProblemException.invalid(fieldPath(e, root), expected(wrongValue.getTargetType()));
        }
        if (e instanceof MismatchedInputException wrongType) {
            if (wrongType.getPath().isEmpty()) {
                return ProblemException.invalid(root, wrongShape);
            }
            return ProblemException.invalid(fieldPath(e, root), expected(wrongType.getTargetType()));
        }
        return ProblemException.invalid(fieldPath(e, root), "is not valid here");
    }

    /**
     * A number too large for its member ({@code 99999999999} for an int) is well-formed JSON, so it is named as a
     * bad member, not as malformed JSON. Jackson's parser says where it stood; the path is read from there.
     */
    private static ProblemException outOfRange(InputCoercionException e, String root) {
        JsonParser parser = e.getProcessor();
        String where = parser == null ? root : pathOf(parser.getParsingContext(), root);
        return ProblemException.invalid(where, "is out of range");
    }

    /** As {@link #fieldPath}, from the parser's context: a made-up name that does not read as one ends the path. */
    private static String pathOf(JsonStreamContext leaf, String root) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = leaf; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(c);
        }
        Collections.reverse(chain);
        StringBuilder path = new StringBuilder(root);
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null && FIELD_NAME.matcher(c.getCurrentName()).matches()) {
                path.append('.').append(c.getCurrentName());
            } else {
                break;
            }
        }
        return path.toString();
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

    /**
     * Where the failure is, as {@code body.customers[2].email} or {@code body[17].channel}. A field name the client
     * made up is shown only if it reads as a field name: one that does not (a customer number or an e-mail address
     * sent as a key) ends the path at its parent, so an error never repeats personal data.
     */
    private static String fieldPath(JsonMappingException e, String root) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference ref : e.getPath()) {
            String name = ref.getFieldName();
            if (name == null) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (FIELD_NAME.matcher(name).matches()) {
                path.append('.').append(name);
            } else {
                break;
            }
        }
        return path.toString();
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
        if (target == Double.class || target == double.class) {
            return "must be a number";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        if (target.isRecord() || Map.class.isAssignableFrom(target)) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }
}
