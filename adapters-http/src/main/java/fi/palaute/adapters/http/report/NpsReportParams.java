package fi.palaute.adapters.http.report;

import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.application.port.in.report.NpsReportQuery;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four query parameters of an NPS report, read the same way by the API and the dashboard (R-REPORT):
 * {@code period} (ISO_WEEK, MONTH, QUARTER, YEAR), {@code from} and {@code to} (keys of whole periods of that kind,
 * such as {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4}, {@code 2026}) and an optional {@code by} (up to two
 * different dimensions, comma-separated). Free date ranges are refused, with a reason that says so. Every mistake
 * is collected and named by its parameter ({@code query.from}); no reason quotes what was sent.
 */
public final class NpsReportParams {

    public static final String PERIOD = "period";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String BY = "by";
    public static final Set<String> NAMES = Set.of(PERIOD, FROM, TO, BY);

    static final String PERIOD_REASON = "must be one of ISO_WEEK, MONTH, QUARTER, YEAR";
    static final String BY_REASON =
            "must be at most two different dimensions of CHANNEL, SURVEY, CONTROLLER, LANGUAGE, separated by a comma";

    private NpsReportParams() {
    }

    /** The parameters as they were sent, each absent or one text; for a form that shows them again. */
    public record Raw(Optional<String> period, Optional<String> from, Optional<String> to, Optional<String> by) {
    }

    /** What the parameters came to: a query, or the mistakes that stop one. */
    public sealed interface Parsed {
        Raw raw();
    }

    public record Valid(Raw raw, NpsReportQuery query) implements Parsed {
    }

    public record Invalid(Raw raw, List<InvalidParam> mistakes) implements Parsed {
        public Invalid {
            mistakes = List.copyOf(mistakes);
        }
    }

    /** For an API route: the query, or a 400 Problem naming every failing parameter. */
    public static NpsReportQuery require(Map<String, List<String>> query) {
        Parsed parsed = parse(query);
        if (parsed instanceof Valid valid) {
            return valid.query();
        }
        if (parsed instanceof Invalid invalid) {
            throw new ProblemException(Problem.invalid(invalid.mistakes()));
        }
        throw new IllegalStateException("unknown result " + parsed.getClass());
    }

    /** Refuses parameters other than {@code allowed}, so a typo is not silently ignored. */
    public static List<InvalidParam> unknown(Map<String, List<String>> query, Set<String> allowed) {
        return query.keySet().stream().filter(name -> !allowed.contains(name)).sorted()
                .map(name -> new InvalidParam("query." + name, "unknown parameter")).toList();
    }

    public static Parsed parse(Map<String, List<String>> query) {
        List<InvalidParam> mistakes = new ArrayList<>();
        Optional<String> periodText = single(query, PERIOD, mistakes);
        Optional<String> fromText = single(query, FROM, mistakes);
        Optional<String> toText = single(query, TO, mistakes);
        Optional<String> byText = single(query, BY, mistakes);
        Raw raw = new Raw(periodText, fromText, toText, byText);

        Optional<PeriodKind> kind = Optional.empty();
        if (periodText.isEmpty()) {
            addOnce(mistakes, PERIOD, "is required and " + PERIOD_REASON);
        } else {
            kind = kindOf(periodText.get());
            if (kind.isEmpty()) {
                addOnce(mistakes, PERIOD, PERIOD_REASON);
            }
        }
        Optional<Period> from = period(kind, fromText, FROM, mistakes);
        Optional<Period> to = period(kind, toText, TO, mistakes);
        if (from.isPresent() && to.isPresent()) {
            if (from.get().compareTo(to.get()) > 0) {
                addOnce(mistakes, TO, "must not come before from");
            } else {
                try {
                    Period.range(from.get(), to.get());
                } catch (IllegalArgumentException tooLong) {
                    addOnce(mistakes, TO, "a report covers at most " + Period.MAX_RANGE
                            + " periods: ask for a shorter range or a longer period");
                }
            }
        }
        List<Dimension> by = byText.map(text -> dimensions(text, mistakes)).orElse(List.of());
        if (!mistakes.isEmpty()) {
            return new Invalid(raw, mistakes);
        }
        return new Valid(raw, new NpsReportQuery(kind.orElseThrow(), from.orElseThrow(), to.orElseThrow(), by));
    }

    /** The canonical query string of a report, such as {@code period=MONTH&from=2026-01&to=2026-11&by=CHANNEL}. */
    public static String queryString(NpsReportQuery query) {
        StringBuilder text = new StringBuilder();
        text.append(PERIOD).append('=').append(query.kind().name())
                .append('&').append(FROM).append('=').append(query.from().key())
                .append('&').append(TO).append('=').append(query.to().key());
        if (!query.by().isEmpty()) {
            text.append('&').append(BY).append('=').append(byText(query.by()));
        }
        return text.toString();
    }

    /** {@code CHANNEL,LANGUAGE}; empty for none. */
    public static String byText(List<Dimension> by) {
        return by.stream().map(Dimension::name).collect(Collectors.joining(","));
    }

    /** An example key of the kind, as the reasons and hints show it. */
    public static String example(PeriodKind kind) {
        return switch (kind) {
            case ISO_WEEK -> "2026-W48";
            case MONTH -> "2026-11";
            case QUARTER -> "2026-Q4";
            case YEAR -> "2026";
        };
    }

    /** The reason a key of the wrong shape gets: reports offer whole periods, never free date ranges. */
    public static String wholePeriodReason(PeriodKind kind) {
        return "reports cover whole periods: a " + kind.name() + " looks like " + example(kind)
                + "; free date ranges are not offered";
    }

    private static Optional<PeriodKind> kindOf(String text) {
        return Arrays.stream(PeriodKind.values()).filter(kind -> kind.name().equals(text)).findFirst();
    }

    private static Optional<Period> period(Optional<PeriodKind> kind, Optional<String> text, String name,
            List<InvalidParam> mistakes) {
        if (text.isEmpty()) {
            addOnce(mistakes, name, kind.map(k -> "is required: a whole " + k.name() + " such as " + example(k))
                    .orElse("is required"));
            return Optional.empty();
        }
        if (kind.isEmpty()) {
            return Optional.empty(); // its kind is unknown, and the period's mistake says so
        }
        try {
            return Optional.of(Period.parse(kind.get(), text.get()));
        } catch (IllegalArgumentException notAPeriod) {
            addOnce(mistakes, name, wholePeriodReason(kind.get()));
            return Optional.empty();
        }
    }

    private static List<Dimension> dimensions(String text, List<InvalidParam> mistakes) {
        if (text.isEmpty()) {
            return List.of(); // an empty breakdown, as a form's "none" sends it
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            Optional<Dimension> dimension =
                    Arrays.stream(Dimension.values()).filter(d -> d.name().equals(name)).findFirst();
            if (dimension.isEmpty()) {
                addOnce(mistakes, BY, BY_REASON);
                return List.of();
            }
            if (dimensions.contains(dimension.get())) {
                addOnce(mistakes, BY, "names a dimension twice; " + BY_REASON);
                return List.of();
            }
            dimensions.add(dimension.get());
        }
        if (dimensions.size() > 2) {
            addOnce(mistakes, BY, "names more than two dimensions; " + BY_REASON);
            return List.of();
        }
        return dimensions;
    }

    private static Optional<String> single(Map<String, List<String>> query, String name, List<InvalidParam> mistakes) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            mistakes.add(new InvalidParam("query." + name, "must be given at most once"));
            return Optional.empty();
        }
        return values.stream().findFirst();
    }

    /** One reason per parameter: the first found, which is the one to fix first. */
    private static void addOnce(List<InvalidParam> mistakes, String name, String reason) {
        String where = "query." + name;
        if (mistakes.stream().noneMatch(m -> m.name().equals(where))) {
            mistakes.add(new InvalidParam(where, reason));
        }
    }
}
