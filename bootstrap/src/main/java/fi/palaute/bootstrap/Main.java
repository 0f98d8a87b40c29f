package fi.palaute.bootstrap;

import fi.palaute.application.port.in.access.CreateApiKeyCommand;
import fi.palaute.application.port.in.access.IssuedApiKey;
import fi.palaute.application.port.in.partner.CreatePartnerKeyCommand;
import fi.palaute.application.port.in.partner.CreatePartnerKeyResult;
import fi.palaute.adapters.persistence.Database;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.access.RequestBudget;
import fi.palaute.domain.access.Role;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.LoggerFactory;

/**
 * {@code java -jar palaute.jar} runs the service; {@code java -jar palaute.jar create-key --role ADMIN} makes one
 * key on the configured database and prints it once. A bad setting ends the start with one line, exit code 2.
 */
public final class Main {

    static final int BAD_USAGE = 2;
    static final int FAILED = 1;
    private static final String USAGE = "usage: palaute [create-key --role ROLE [--partner ID] [--label TEXT]"
            + " [--per-second N --burst N] | generate-answers --count N [--months M]]";

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            PalauteConfig config = PalauteConfig.fromEnvironment(env);
            if (args.length == 0) {
                serve(config, out);
                return 0;
            }
            if (args[0].equals("create-key")) {
                return createKey(config, Arrays.asList(args).subList(1, args.length), out);
            }
            if (args[0].equals("generate-answers")) {
                return generateAnswers(config, Arrays.asList(args).subList(1, args.length), out);
            }
            throw new ConfigException(USAGE);
        } catch (ConfigException bad) {
            err.println("palaute: " + bad.getMessage());
            return BAD_USAGE;
        } catch (RuntimeException failed) {
            // One line for the operator; the cause goes to the log, never a stack trace on the console.
            LoggerFactory.getLogger(Main.class).debug("start failed", failed);
            err.println("palaute: cannot start: " + oneLine(failed));
            return FAILED;
        }
    }

    private static void serve(PalauteConfig config, PrintStream out) {
        PalauteApplication app = PalauteApplication.start(config, Clock.systemUTC(), line -> {
            out.println(line);
            out.flush();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "palaute-shutdown"));
    }

    private static int createKey(PalauteConfig config, List<String> args, PrintStream out) {
        Map<String, String> options = options(args);
        Role role = parseRole(Optional.ofNullable(options.remove("--role"))
                .orElseThrow(() -> new ConfigException("create-key needs --role, one of " + Arrays.toString(Role.values()))));
        Optional<PartnerId> partner = Optional.ofNullable(options.remove("--partner")).map(Main::parsePartner);
        if ((role == Role.PARTNER) != partner.isPresent()) {
            throw new ConfigException("--partner ID is required for a PARTNER key and allowed only for one");
        }
        String label = Optional.ofNullable(options.remove("--label")).orElse("made by create-key");
        RequestBudget budget = parseBudget(options.remove("--per-second"), options.remove("--burst"));
        if (!options.isEmpty()) {
            throw new ConfigException("unknown option " + options.keySet().iterator().next() + "; " + USAGE);
        }
        try (Database database = PalauteApplication.openDatabase(config)) {
            IssuedApiKey issued = partner.isPresent()
                    ? partnerKey(database, new CreatePartnerKeyCommand(partner.get(), label, budget))
                    : PalauteApplication.createApiKey(database, Clock.systemUTC())
                            .create(new CreateApiKeyCommand(role, partner, label, budget));
            out.println(role.name() + " " + issued.secret().plainText());
            out.flush();
        }
        return 0;
    }

    /**
     * Fills the configured database with generated answers (and their report counters) in a closed survey of their
     * own: the report benchmark's data, made by the project.
     */
    private static int generateAnswers(PalauteConfig config, List<String> args, PrintStream out) {
        Map<String, String> options = options(args);
        long count = number(options.remove("--count"), "--count", 1, 100_000_000L);
        int months = (int) number(Optional.ofNullable(options.remove("--months")).orElse("12"), "--months", 1, 120);
        if (!options.isEmpty()) {
            throw new ConfigException("unknown option " + options.keySet().iterator().next() + "; " + USAGE);
        }
        try (Database database = PalauteApplication.openDatabase(config)) {
            long stored = DemoAnswers.generate(database, Clock.systemUTC(), count, months);
            out.println("generated " + stored + " answers over " + months + " months in survey " + DemoAnswers.SURVEY);
            out.flush();
        }
        return 0;
    }

    private static long number(String text, String option, long min, long max) {
        if (text == null) {
            throw new ConfigException(option + " is required; " + USAGE);
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ConfigException(option + " must be a whole number from " + min + " to " + max);
    }

    /** A partner key only for a registered partner, as the admin API makes them. */
    private static IssuedApiKey partnerKey(Database database, CreatePartnerKeyCommand command) {
        CreatePartnerKeyResult result = PalauteApplication.createPartnerKey(database, Clock.systemUTC()).create(command);
        if (result instanceof CreatePartnerKeyResult.Created created) {
            return created.issued();
        }
        throw new ConfigException("--partner: no partner with this id; an admin registers it first"
                + " (POST /api/v1/partners)");
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new ConfigException(USAGE);
            }
            options.put(name, args.get(i + 1));
        }
        return options;
    }

    private static Role parseRole(String text) {
        for (Role role : Role.values()) {
            if (role.name().equals(text)) {
                return role;
            }
        }
        throw new ConfigException("--role must be one of " + Arrays.toString(Role.values()));
    }

    private static PartnerId parsePartner(String text) {
        try {
            return new PartnerId(text);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException("--partner: " + invalid.getMessage());
        }
    }

    private static RequestBudget parseBudget(String perSecond, String burst) {
        if (perSecond == null && burst == null) {
            return RequestBudget.DEFAULT;
        }
        try {
            int rate = Integer.parseInt(Optional.ofNullable(perSecond).orElseThrow(() -> new ConfigException(
                    "--per-second and --burst go together")));
            int size = Integer.parseInt(Optional.ofNullable(burst).orElseThrow(() -> new ConfigException(
                    "--per-second and --burst go together")));
            return new RequestBudget(rate, size);
        } catch (NumberFormatException notANumber) {
            throw new ConfigException("--per-second and --burst must be whole numbers");
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException(invalid.getMessage());
        }
    }

    private static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getMessage() + ")";
        }
        return message.replaceAll("\\s+", " ");
    }

}
