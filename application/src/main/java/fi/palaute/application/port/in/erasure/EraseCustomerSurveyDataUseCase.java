package fi.palaute.application.port.in.erasure;

import fi.palaute.domain.consent.CustomerId;
import java.util.Objects;

/**
 * An admin erases a customer's survey data on request: their invitations and contact points go (open ones are
 * withdrawn first, so their partners learn it from the feed); the prohibition and its history stay, because a
 * prohibition must still be honoured (R-OPTOUT). The request itself is audited, by the admin's key.
 */
@FunctionalInterface
public interface EraseCustomerSurveyDataUseCase {

    Outcome erase(Command command);

    record Command(CustomerId customerId, String adminKeyId) {
        public Command {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(adminKeyId, "adminKeyId");
        }
    }

    record Outcome(int invitationsRemoved) {
    }
}
