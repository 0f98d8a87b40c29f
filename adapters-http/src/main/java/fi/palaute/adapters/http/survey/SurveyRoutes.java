package fi.palaute.adapters.http.survey;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.survey.ChangeSurveyCommand;
import fi.palaute.application.port.in.survey.ChangeSurveyResult;
import fi.palaute.application.port.in.survey.ChangeSurveyUseCase;
import fi.palaute.application.port.in.survey.CreateSurveyCommand;
import fi.palaute.application.port.in.survey.CreateSurveyResult;
import fi.palaute.application.port.in.survey.CreateSurveyUseCase;
import fi.palaute.application.port.in.survey.ListSurveysUseCase;
import fi.palaute.application.port.in.survey.ShowSurveyUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import fi.palaute.domain.survey.TemplateSlot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The survey team defines surveys and moves them along their life: draft → active ⇄ paused → closed. */
public final class SurveyRoutes {

    public static final String SURVEYS = "/api/v1/surveys";
    public static final String SURVEY = SURVEYS + "/{surveyId}";
    private static final RouteRole[] ADMIN = RequiredRole.anyOf(Role.ADMIN);

    private final CreateSurveyUseCase createSurvey;
    private final ListSurveysUseCase listSurveys;
    private final ShowSurveyUseCase showSurvey;
    private final ChangeSurveyUseCase changeSurvey;

    public SurveyRoutes(
            CreateSurveyUseCase createSurvey,
            ListSurveysUseCase listSurveys,
            ShowSurveyUseCase showSurvey,
            ChangeSurveyUseCase changeSurvey) {
        this.createSurvey = Objects.requireNonNull(createSurvey);
        this.listSurveys = Objects.requireNonNull(listSurveys);
        this.showSurvey = Objects.requireNonNull(showSurvey);
        this.changeSurvey = Objects.requireNonNull(changeSurvey);
    }

    public void register(RoutesConfig routes) {
        routes.post(SURVEYS, this::create, ADMIN);
        routes.get(SURVEYS, this::list, ADMIN);
        routes.get(SURVEY, this::show, ADMIN);
        routes.put(SURVEY, this::change, ADMIN);
    }

    /** Reads the survey id of a path; one that could never have been made answers 404, as an unknown one does. */
    public static SurveyId surveyId(Context ctx) {
        return RequestParams.pathId(ctx, "surveyId", SurveyId::new);
    }

    private void create(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        var body = StrictJson.readBody(ctx, SurveyDtos.SurveyBody.class);
        SurveyDefinition definition = SurveyDtos.definitionOf(body);
        CreateSurveyResult result = createSurvey.create(new CreateSurveyCommand(definition));
        if (result instanceof CreateSurveyResult.Created created) {
            ctx.header("Location", SURVEYS + "/" + created.survey().id().value());
            StrictJson.write(ctx, 201, SurveyDtos.SurveyView.of(created.survey()));
        } else if (result instanceof CreateSurveyResult.UnknownPartner) {
            throw unknownPartner();
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void list(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        StrictJson.write(ctx, 200, new SurveyDtos.SurveyList(
                listSurveys.list().stream().map(SurveyDtos.SurveyView::of).toList()));
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        Survey survey = showSurvey.show(surveyId(ctx))
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.NOT_FOUND)));
        StrictJson.write(ctx, 200, SurveyDtos.SurveyView.of(survey));
    }

    private void change(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        SurveyId surveyId = surveyId(ctx);
        var body = StrictJson.readBody(ctx, SurveyDtos.SurveyChangeBody.class);
        SurveyDefinition definition = SurveyDtos.definitionOf(body);
        SurveyState state = RequestParams.required("body.state", body.state());
        ChangeSurveyResult result = changeSurvey.change(new ChangeSurveyCommand(surveyId, definition, state));
        if (result instanceof ChangeSurveyResult.Changed changed) {
            StrictJson.write(ctx, 200, SurveyDtos.SurveyView.of(changed.survey()));
        } else if (result instanceof ChangeSurveyResult.NotFound) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND));
        } else if (result instanceof ChangeSurveyResult.UnknownPartner) {
            throw unknownPartner();
        } else if (result instanceof ChangeSurveyResult.Refused refused) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, refused.reason()));
        } else if (result instanceof ChangeSurveyResult.MissingTemplates missing) {
            throw new ProblemException(missingTemplates(missing.missing(), state));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private static Problem missingTemplates(List<TemplateSlot> missing, SurveyState state) {
        String which = missing.stream()
                .map(slot -> slot.channel() + " in " + slot.language().code())
                .collect(Collectors.joining(", "));
        return Problem.of(ProblemType.TEMPLATES_MISSING,
                        "The survey cannot become " + state + " before it has these templates: " + which + ".")
                .with("missingTemplates", missing.stream().map(SurveyDtos.TemplateSlotView::of).toList());
    }

    private static ProblemException unknownPartner() {
        return ProblemException.invalid("body.partnerId", "no partner with this id");
    }
}
