package fi.palaute.adapters.http.invitation;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.adapters.http.survey.SurveyRoutes;
import fi.palaute.application.port.in.invitation.ShowFunnelQuery;
import fi.palaute.application.port.in.invitation.ShowFunnelUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.survey.SurveyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The survey team's funnel: per Finnish day, how many events got each decision and how many were redelivered.
 * Every day of the range is listed, with zeros where nothing happened, so a chart needs no gaps filled. Counts
 * only; no customer is in it.
 */
public final class FunnelRoutes {

    public static final String FUNNEL = SurveyRoutes.SURVEY + "/funnel";
    private static final FunnelStep[] STEPS = FunnelStep.values();

    private final ShowFunnelUseCase showFunnel;

    public FunnelRoutes(ShowFunnelUseCase showFunnel) {
        this.showFunnel = Objects.requireNonNull(showFunnel);
    }

    public void register(RoutesConfig routes) {
        routes.get(FUNNEL, this::show, RequiredRole.anyOf(Role.ADMIN));
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of("from", "to"));
        SurveyId surveyId = SurveyRoutes.surveyId(ctx);
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        ShowFunnelQuery query = RequestParams.valid("query.to", () -> new ShowFunnelQuery(surveyId, from, to));
        List<FunnelCount> counts = showFunnel.show(query)
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.NOT_FOUND)));
        StrictJson.write(ctx, 200, new InvitationDtos.FunnelView(surveyId.value(), from, to, days(from, to, counts)));
    }

    private static LocalDate day(Context ctx, String name) {
        String text = RequestParams.required("query." + name, ctx.queryParam(name));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException notADate) {
            throw ProblemException.invalid("query." + name, "must be a date, YYYY-MM-DD");
        }
    }

    /** The use case gives only non-zero counters; the answer has every day and every step. */
    private static List<Map<String, Object>> days(LocalDate from, LocalDate to, List<FunnelCount> counts) {
        int dayCount = Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
        long[][] table = new long[dayCount][STEPS.length];
        for (FunnelCount count : counts) {
            long offset = ChronoUnit.DAYS.between(from, count.day());
            if (offset < 0 || offset >= dayCount) {
                throw new IllegalStateException("a funnel count for a day outside the range asked for");
            }
            table[(int) offset][count.step().ordinal()] += count.count();
        }
        List<Map<String, Object>> days = new ArrayList<>(dayCount);
        for (int i = 0; i < dayCount; i++) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", from.plusDays(i));
            for (FunnelStep step : STEPS) {
                day.put(step.name(), table[i][step.ordinal()]);
            }
            days.add(day);
        }
        return days;
    }
}
