package fi.palaute.adapters.http.survey;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.survey.SaveTemplateCommand;
import fi.palaute.application.port.in.survey.SaveTemplateResult;
import fi.palaute.application.port.in.survey.SaveTemplateUseCase;
import fi.palaute.application.port.in.survey.ShowTemplateUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.survey.InvitationTemplate;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.TemplateChannel;
import fi.palaute.domain.survey.TemplateSlot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Set;

/**
 * R-TEMPLATE over HTTP: a template is checked when it is saved, and a refused one comes back with every violation
 * and the part of the author's text it is about. A saved one comes back with a preview of what customers receive.
 */
public final class TemplateRoutes {

    public static final String TEMPLATE = SurveyRoutes.SURVEY + "/templates/{channel}/{language}";
    private static final RouteRole[] ADMIN = RequiredRole.anyOf(Role.ADMIN);

    private final SaveTemplateUseCase saveTemplate;
    private final ShowTemplateUseCase showTemplate;

    public TemplateRoutes(SaveTemplateUseCase saveTemplate, ShowTemplateUseCase showTemplate) {
        this.saveTemplate = Objects.requireNonNull(saveTemplate);
        this.showTemplate = Objects.requireNonNull(showTemplate);
    }

    public void register(RoutesConfig routes) {
        routes.put(TEMPLATE, this::save, ADMIN);
        routes.get(TEMPLATE, this::show, ADMIN);
    }

    private void save(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        SurveyId surveyId = SurveyRoutes.surveyId(ctx);
        TemplateSlot slot = slot(ctx);
        var body = StrictJson.readBody(ctx, TemplateDtos.TemplateBody.class);
        String text = RequestParams.required("body.body", body.body());
        String subject = body.subject() == null ? "" : body.subject();
        SaveTemplateResult result = saveTemplate.save(new SaveTemplateCommand(surveyId, slot, subject, text));
        if (result instanceof SaveTemplateResult.Saved saved) {
            StrictJson.write(ctx, 200, TemplateDtos.TemplateView.of(saved.template()));
        } else if (result instanceof SaveTemplateResult.Refused refused) {
            throw new ProblemException(Problem.of(ProblemType.TEMPLATE_REFUSED,
                            "Nothing was saved: " + refused.violations().size()
                                    + (refused.violations().size() == 1 ? " violation" : " violations")
                                    + ", listed in violations.")
                    .with("violations", refused.violations().stream().map(TemplateDtos.ViolationView::of).toList()));
        } else if (result instanceof SaveTemplateResult.NoSuchSurvey) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND));
        } else if (result instanceof SaveTemplateResult.SurveyClosed) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT,
                    "The survey is closed; its templates stay as they were."));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void show(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        SurveyId surveyId = SurveyRoutes.surveyId(ctx);
        InvitationTemplate template = showTemplate.show(surveyId, slot(ctx))
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.NOT_FOUND)));
        StrictJson.write(ctx, 200, TemplateDtos.TemplateView.of(template));
    }

    private static TemplateSlot slot(Context ctx) {
        return new TemplateSlot(
                RequestParams.enumValue("path.channel", ctx.pathParam("channel"), TemplateChannel.class),
                RequestParams.language("path.language", ctx.pathParam("language")));
    }
}
