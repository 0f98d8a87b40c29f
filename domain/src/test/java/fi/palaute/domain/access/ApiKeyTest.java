package fi.palaute.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void secretsCarry256RandomBitsAndNeverShowInToString() {
        ApiKeySecret a = ApiKeySecret.generate();
        ApiKeySecret b = ApiKeySecret.generate();
        assertNotEquals(a.plainText(), b.plainText());
        assertTrue(a.plainText().startsWith("pal_"));
        assertEquals(32, Base64.getUrlDecoder().decode(a.plainText().substring(4)).length);
        assertFalse(a.toString().contains(a.plainText()));
    }

    @Test
    void theHashIsSha256Hex() {
        // sha256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ApiKeySecret.presented("abc").hash().hex());
    }

    @Test
    void onlyPartnerKeysNameAPartner() {
        ApiKeyHash hash = ApiKeySecret.generate().hash();
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class, () -> new ApiKey("k", hash, Role.PARTNER, Optional.empty(),
                "", RequestBudget.DEFAULT, now));
        assertThrows(IllegalArgumentException.class, () -> new ApiKey("k", hash, Role.ADMIN,
                Optional.of(new PartnerId("p1")), "", RequestBudget.DEFAULT, now));
        assertEquals(Role.PARTNER, new ApiKey("k", hash, Role.PARTNER, Optional.of(new PartnerId("p1")), "",
                RequestBudget.DEFAULT, now).role());
    }
}
