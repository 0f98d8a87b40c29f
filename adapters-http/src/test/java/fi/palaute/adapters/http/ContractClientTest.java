package fi.palaute.adapters.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import fi.palaute.adapters.http.testing.ContractClient;
import org.junit.jupiter.api.Test;

/** The contract check itself can fail: a response the document does not describe is reported. */
class ContractClientTest {

    private static final String PATH = "/api/v1/customers/C-1/prohibition";

    @Test
    void aDescribedResponsePasses() {
        var report = ContractClient.validator().validateResponse(PATH, Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"customerId\":\"C-1\",\"prohibited\":false}").build());
        assertFalse(report.hasErrors(), report.toString());
    }

    @Test
    void anUndocumentedFieldFails() {
        var report = ContractClient.validator().validateResponse(PATH, Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"customerId\":\"C-1\",\"prohibited\":false,\"ssn\":\"x\"}").build());
        assertTrue(report.hasErrors());
    }

    @Test
    void anUndocumentedStatusFails() {
        var report = ContractClient.validator().validateResponse(PATH, Request.Method.GET,
                SimpleResponse.Builder.status(418).withContentType("application/json").withBody("{}").build());
        assertTrue(report.hasErrors());
    }

    @Test
    void aWrongTypeFails() {
        var report = ContractClient.validator().validateResponse(PATH, Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"customerId\":\"C-1\",\"prohibited\":\"no\"}").build());
        assertTrue(report.hasErrors());
    }

    @Test
    void aRefusedTemplateMustListItsViolations() {
        String path = "/api/v1/surveys/s1/templates/EMAIL/fi";
        String problem = "{\"type\":\"urn:palaute:problem:template-refused\",\"title\":\"t\",\"status\":422,"
                + "\"detail\":\"d\"";
        var described = ContractClient.validator().validateResponse(path, Request.Method.PUT,
                SimpleResponse.Builder.status(422).withContentType("application/problem+json").withBody(problem
                        + ",\"violations\":[{\"field\":\"body\",\"code\":\"FOREIGN_LINK\",\"fragment\":\"x.fi\","
                        + "\"message\":\"m\"}]}").build());
        assertFalse(described.hasErrors(), described.toString());
        var withoutViolations = ContractClient.validator().validateResponse(path, Request.Method.PUT,
                SimpleResponse.Builder.status(422).withContentType("application/problem+json")
                        .withBody(problem + "}").build());
        assertTrue(withoutViolations.hasErrors());
    }

    @Test
    void aFunnelDayMustHaveEveryStep() {
        var report = ContractClient.validator().validateResponse("/api/v1/surveys/s1/funnel", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody("{\"surveyId\":\"s1\","
                        + "\"from\":\"2026-01-01\",\"to\":\"2026-01-01\",\"days\":[{\"day\":\"2026-01-01\",\"INVITED\":1}]}")
                        .build());
        assertTrue(report.hasErrors());
    }

    @Test
    void anIssuedKeyCannotHideInAKeyList() {
        var report = ContractClient.validator().validateResponse("/api/v1/partners/p1/keys", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody("{\"keys\":[{\"keyId\":\"k\","
                        + "\"key\":\"pal_x\",\"role\":\"PARTNER\",\"partnerId\":\"p1\",\"label\":\"\","
                        + "\"budget\":{\"perSecond\":1,\"burst\":1},\"createdAt\":\"2026-01-01T00:00:00Z\"}]}").build());
        assertTrue(report.hasErrors(), "a key list never holds a key's text");
    }
}
