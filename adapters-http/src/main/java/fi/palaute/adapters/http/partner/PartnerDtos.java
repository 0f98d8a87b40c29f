package fi.palaute.adapters.http.partner;

import fi.palaute.adapters.http.access.ApiKeyRoutes.BudgetBody;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.partner.Partner;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of partners and their keys, and their mapping from the domain. */
final class PartnerDtos {

    private PartnerDtos() {
    }

    /** What an admin sends to register a partner. */
    record CreatePartnerRequest(String partnerId, String name) {
    }

    record PartnerView(String partnerId, String name, Instant createdAt) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.id().value(), partner.name(), partner.createdAt());
        }
    }

    record PartnerList(List<PartnerView> partners) {
    }

    /** What an admin sends to make a partner key; the budget is given whole or not at all. */
    record CreateKeyRequest(String label, Integer perSecond, Integer burst) {
    }

    /** A key just made: the only answer that ever holds its text. */
    record IssuedKeyView(
            String keyId, String key, String role, String partnerId, String label, BudgetBody budget,
            Instant createdAt) {

        static IssuedKeyView of(IssuedApiKey issued) {
            ApiKey key = issued.key();
            return new IssuedKeyView(key.keyId(), issued.secret().plainText(), key.role().name(),
                    key.partnerId().map(id -> id.value()).orElse(null), key.label(), BudgetBody.of(key.budget()),
                    key.createdAt());
        }
    }
}
