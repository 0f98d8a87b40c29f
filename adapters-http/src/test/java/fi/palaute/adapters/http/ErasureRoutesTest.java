package fi.palaute.adapters.http;

import static fi.palaute.adapters.http.testing.FakeUseCases.keyFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.palaute.adapters.http.testing.ContractClient.Answer;
import fi.palaute.adapters.http.testing.ContractClient.Call;
import fi.palaute.adapters.http.testing.FakeUseCases;
import fi.palaute.adapters.http.testing.TestServer;
import fi.palaute.application.port.in.erasure.EraseCustomerSurveyDataUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureRoutesTest {

    private final FakeUseCases fakes = new FakeUseCases();
    private final List<EraseCustomerSurveyDataUseCase.Command> received = new ArrayList<>();

    @Test
    void anAdminErasesACustomersSurveyDataAndTheRequestNamesTheirKey() {
        fakes.eraseCustomerSurveyData = command -> {
            received.add(command);
            return new EraseCustomerSurveyDataUseCase.Outcome(3);
        };
        TestServer.with(fakes, client -> {
            Answer answer = client.send(Call.delete("/api/v1/customers/C-1001/survey-data").key(keyFor(Role.ADMIN)));

            assertEquals(200, answer.status(), answer.text());
            assertEquals(3, answer.json().get("invitationsRemoved").asInt());
            assertEquals(List.of(new EraseCustomerSurveyDataUseCase.Command(new CustomerId("C-1001"),
                    fakes.keyOf(Role.ADMIN).keyId())), received);
        });
    }

    @Test
    void aPersonalIdentityNumberIsNeverACustomerIdAndIsNotEchoed() {
        TestServer.with(fakes, client -> {
            Answer answer = client.sendBad(Call.delete("/api/v1/customers/131052-308T/survey-data")
                    .key(keyFor(Role.ADMIN)));

            assertEquals(400, answer.status());
            assertFalse(answer.text().contains("131052-308T"), answer.text());
            assertEquals(0, fakes.calls("eraseCustomerSurveyData"));
        });
    }
}
