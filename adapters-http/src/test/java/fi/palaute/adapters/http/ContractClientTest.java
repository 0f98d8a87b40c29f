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
}
