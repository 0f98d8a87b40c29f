package fi.palaute.adapters.http.testing;

import fi.palaute.adapters.http.HttpUseCases;
import fi.palaute.application.port.in.access.ChangeApiKeyBudgetCommand;
import fi.palaute.application.port.in.consent.LiftProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.in.health.CheckHealthUseCase.HealthReport;
import fi.palaute.domain.access.ApiKey;
import fi.palaute.domain.access.ApiKeySecret;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.consent.ProhibitionHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Hand-written in-memory stand-ins for the use cases, so HTTP tests exercise the adapter alone. Each role has a
 * key {@code "key-" + role} ({@code key-customer_service}); {@link #writes()} counts calls that change state.
 */
public final class FakeUseCases {

    public static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

    private final Map<CustomerId, Prohibition> prohibitions = new ConcurrentHashMap<>();
    private final List<ProhibitionChange> changes = new ArrayList<>();
    private final Map<String, ApiKey> keysBySecret = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    public final AtomicBoolean databaseUp = new AtomicBoolean(true);
    /** When set, every prohibition use case throws this, as a broken database would. */
    public volatile Supplier<RuntimeException> failure;

    public FakeUseCases() {
        int n = 0;
        for (Role role : Role.values()) {
            String keyId = String.format("00000000-0000-7000-8000-%012d", n++);
            keysBySecret.put(keyFor(role), new ApiKey(keyId, ApiKeySecret.presented(keyFor(role)).hash(), role,
                    role == Role.PARTNER ? Optional.of(new PartnerId("p1")) : Optional.empty(),
                    "test " + role, RequestBudget.DEFAULT, NOW));
        }
    }

    public static String keyFor(Role role) {
        return "key-" + role.name().toLowerCase(Locale.ROOT);
    }

    public int writes() {
        return writes.get();
    }

    public ApiKey keyOf(Role role) {
        return keysBySecret.get(keyFor(role));
    }

    public HttpUseCases useCases() {
        return new HttpUseCases(
                secret -> Optional.ofNullable(keysBySecret.values().stream()
                        .filter(k -> k.hash().equals(secret.hash())).findFirst().orElse(null)),
                () -> List.copyOf(keysBySecret.values()),
                this::changeBudget,
                command -> {
                    failIfBroken();
                    writes.incrementAndGet();
                    Prohibition wanted = new Prohibition(command.customerId(), command.by(), NOW);
                    Prohibition existing = prohibitions.putIfAbsent(command.customerId(), wanted);
                    if (existing != null) {
                        return new SetProhibitionResult.AlreadySet(existing);
                    }
                    changes.add(ProhibitionChange.set("c" + changes.size(), wanted));
                    return new SetProhibitionResult.NewlySet(wanted);
                },
                command -> {
                    failIfBroken();
                    writes.incrementAndGet();
                    Prohibition was = prohibitions.remove(command.customerId());
                    if (was == null) {
                        return new LiftProhibitionResult.WasNotSet();
                    }
                    changes.add(ProhibitionChange.lifted("c" + changes.size(), command.customerId(), command.by(),
                            NOW.plusSeconds(1)));
                    return new LiftProhibitionResult.Lifted(was);
                },
                customerId -> {
                    failIfBroken();
                    return Optional.ofNullable(prohibitions.get(customerId));
                },
                customerId -> {
                    failIfBroken();
                    return new ProhibitionHistory(customerId,
                            changes.stream().filter(c -> c.customerId().equals(customerId)).toList());
                },
                () -> new HealthReport(databaseUp.get()));
    }

    private Optional<ApiKey> changeBudget(ChangeApiKeyBudgetCommand command) {
        writes.incrementAndGet();
        for (Map.Entry<String, ApiKey> entry : keysBySecret.entrySet()) {
            ApiKey key = entry.getValue();
            if (key.keyId().equals(command.keyId())) {
                ApiKey changed = new ApiKey(key.keyId(), key.hash(), key.role(), key.partnerId(), key.label(),
                        command.budget(), key.createdAt());
                entry.setValue(changed);
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    private void failIfBroken() {
        Supplier<RuntimeException> f = failure;
        if (f != null) {
            throw f.get();
        }
    }
}
