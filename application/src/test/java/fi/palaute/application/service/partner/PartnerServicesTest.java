package fi.palaute.application.service.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryApiKeys;
import fi.palaute.application.fakes.InMemoryPartners;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.port.in.partner.CreatePartnerCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyResult;
import fi.palaute.application.port.in.partner.CreatePartnerResult;
import fi.palaute.application.port.in.partner.RevokePartnerKeyCommand;
import fi.palaute.application.service.access.AuthenticateApiKeyService;
import fi.palaute.application.service.access.CreateApiKeyService;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartnerServicesTest {

    private static final PartnerId TT = new PartnerId("taloustutkimus");
    private static final PartnerId OTHER = new PartnerId("other");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryPartners partners = new InMemoryPartners(transactions);
    private final InMemoryApiKeys keys = new InMemoryApiKeys(transactions);
    private final CreatePartnerService create = new CreatePartnerService(transactions, partners, clock);
    private final CreatePartnerKeyService createKey = new CreatePartnerKeyService(transactions, partners,
            new CreateApiKeyService(transactions, keys, clock));
    private final ListPartnerKeysService listKeys = new ListPartnerKeysService(partners, keys);
    private final RevokePartnerKeyService revoke = new RevokePartnerKeyService(transactions, keys, clock);

    @Test
    void aPartnerIsCreatedOnceAndTheSecondAttemptChangesNothing() {
        assertInstanceOf(CreatePartnerResult.Created.class, create.create(new CreatePartnerCommand(TT, " Taloustutkimus ")));
        CreatePartnerResult again = create.create(new CreatePartnerCommand(TT, "Someone else"));

        assertEquals("Taloustutkimus", assertInstanceOf(CreatePartnerResult.AlreadyExists.class, again).existing().name());
        assertEquals(1, new ListPartnersService(partners).list().size());
        assertEquals("Taloustutkimus", new ShowPartnerService(partners).show(TT).orElseThrow().name());
    }

    @Test
    void aPartnerKeyIsBoundToItsPartnerAndRevokedForGood() {
        create.create(new CreatePartnerCommand(TT, "Taloustutkimus"));
        create.create(new CreatePartnerCommand(OTHER, "Other"));
        CreatePartnerKeyResult result = createKey.create(new CreatePartnerKeyCommand(TT, "delivery", RequestBudget.DEFAULT));
        var issued = assertInstanceOf(CreatePartnerKeyResult.Created.class, result).issued();
        ApiKey key = issued.key();
        assertEquals(Role.PARTNER, key.role());
        assertEquals(Optional.of(TT), key.partnerId());
        assertEquals(Optional.of(List.of(key)), listKeys.list(TT));
        var authenticate = new AuthenticateApiKeyService(keys, clock, Duration.ZERO);
        assertEquals(Optional.of(key), authenticate.authenticate(issued.secret()));

        assertFalse(revoke.revoke(new RevokePartnerKeyCommand(OTHER, key.keyId())), "not the other partner's key");
        assertTrue(revoke.revoke(new RevokePartnerKeyCommand(TT, key.keyId())));
        assertFalse(revoke.revoke(new RevokePartnerKeyCommand(TT, key.keyId())), "revoked once");

        assertEquals(Optional.empty(), authenticate.authenticate(issued.secret()));
        assertEquals(Optional.of(List.of()), listKeys.list(TT));
    }

    @Test
    void noKeyForAPartnerThatDoesNotExist() {
        assertInstanceOf(CreatePartnerKeyResult.NoSuchPartner.class,
                createKey.create(new CreatePartnerKeyCommand(TT, "x", RequestBudget.DEFAULT)));
        assertTrue(keys.keys.isEmpty());
        assertEquals(Optional.empty(), listKeys.list(TT));
    }
}
