package fi.palaute.adapters.http.invitation;

import static fi.palaute.adapters.http.invitation.InvitationDtos.member;
import static fi.palaute.adapters.http.invitation.InvitationDtos.required;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.adapters.http.survey.SurveyRoutes;
import fi.palaute.application.port.in.invitation.StartStudyCommand;
import fi.palaute.application.port.in.invitation.StartStudyResult;
import fi.palaute.application.port.in.invitation.StartStudyUseCase;
import fi.palaute.application.port.in.invitation.StudyInvitee;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Starts a study (a relationship survey, interview recruitment) from a customer list: each customer goes through
 * the checks from "prohibited" on, and the answer says, per customer, what was decided.
 */
public final class StudyRoutes {

    public static final String STUDIES = SurveyRoutes.SURVEY + "/studies";

    private final StartStudyUseCase startStudy;

    public StudyRoutes(StartStudyUseCase startStudy) {
        this.startStudy = Objects.requireNonNull(startStudy);
    }

    public void register(RoutesConfig routes) {
        routes.post(STUDIES, this::start, RequiredRole.anyOf(Role.ADMIN));
    }

    private void start(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        SurveyId surveyId = SurveyRoutes.surveyId(ctx);
        var body = StrictJson.readBody(ctx, InvitationDtos.StudyBody.class);
        Controller controller = member("body", "controller",
                () -> new Controller(required("body", "controller", body.controller())));
        List<StudyInvitee> invitees = invitees(required("body", "customers", body.customers()));
        StartStudyResult result = startStudy.start(new StartStudyCommand(surveyId, controller, invitees));
        if (result instanceof StartStudyResult.Started started) {
            StrictJson.write(ctx, 200, new InvitationDtos.StudyResult(surveyId.value(), started.outcomes().stream()
                    .map(o -> new InvitationDtos.CustomerDecisionView(o.customerId().value(), o.reason()))
                    .toList()));
        } else if (result instanceof StartStudyResult.NoSuchSurvey) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND));
        } else if (result instanceof StartStudyResult.NotStartable notStartable) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, notStartable.reason()));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private static List<StudyInvitee> invitees(List<InvitationDtos.StudyCustomerBody> rows) {
        if (rows.isEmpty() || rows.size() > StartStudyCommand.MAX_INVITEES) {
            throw ProblemException.invalid("body.customers",
                    "a study list holds 1-" + StartStudyCommand.MAX_INVITEES + " customers; this one holds "
                            + rows.size());
        }
        List<StudyInvitee> invitees = new ArrayList<>(rows.size());
        Set<CustomerId> seen = new HashSet<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            String at = "body.customers[" + i + "]";
            InvitationDtos.StudyCustomerBody row = rows.get(i);
            if (row == null) {
                throw ProblemException.invalid(at, "must be a customer object");
            }
            CustomerId customerId = member(at, "customerId",
                    () -> new CustomerId(required(at, "customerId", row.customerId())));
            if (!seen.add(customerId)) {
                throw ProblemException.invalid(at + ".customerId", "appears earlier in the list");
            }
            Optional<Language> language = row.language() == null ? Optional.empty()
                    : Optional.of(InvitationDtos.language(at, "language", row.language()));
            invitees.add(new StudyInvitee(customerId, language,
                    InvitationDtos.contactPoints(at, row.email(), row.mobile())));
        }
        return invitees;
    }
}
