package fi.palaute.adapters.http.testing;

import fi.palaute.adapters.http.HttpAdapter;
import fi.palaute.adapters.http.HttpSettings;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Runs the real Javalin app of the adapter on a free port around a test, with faked use cases. */
public final class TestServer {

    private TestServer() {
    }

    /**
     * No stop grace: these tests have nothing in flight when they end, and a graceful stop costs seconds. The wall
     * clock stands at {@link FakeUseCases#NOW}.
     */
    public static final HttpSettings SETTINGS = new HttpSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ZERO,
            System::nanoTime, Clock.fixed(FakeUseCases.NOW, ZoneOffset.UTC));

    public static void with(FakeUseCases fakes, Consumer<ContractClient> test) {
        with(fakes, SETTINGS, test);
    }

    public static void with(FakeUseCases fakes, HttpSettings settings, Consumer<ContractClient> test) {
        JavalinTest.test(HttpAdapter.create(fakes.useCases(), settings),
                (server, client) -> test.accept(ContractClient.onPort(server.port())));
    }
}
