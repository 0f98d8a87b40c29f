package fi.palaute.adapters.http.answer;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.delivery.PartnerDeliveryRoutes;
import fi.palaute.adapters.http.json.StrictJson;
import fi.palaute.adapters.http.problem.InvalidParam;
import fi.palaute.adapters.http.problem.Problem;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.answer.RecordOnsiteAcceptanceUseCase;
import fi.palaute.application.port.in.answer.RecordPhoneAnswerUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.OnsiteAcceptance;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a partner takes for the customer (R-CHANNELS): the NPS answer of a {@code PHONE} survey, and the yes or
 * no to an {@code ONSITE} interview. Both use the invitation once, as the survey page does.
 * <p>
 * As in {@link PartnerDeliveryRoutes}, the id in the path goes to the use case unchecked, and every check made
 * before that depends on the body alone: another partner's invitation, an unknown one and one that could never be
 * an id all answer the same 404. The body holds only what the partner may say; any other member (a customer id,
 * {@code anonymous}, a survey id) is refused, so nothing can be slipped in.
 */
public final class PartnerAnswerRoutes {

    public static final String RESPONSE = PartnerDeliveryRoutes.INVITATION + "/response";
    public static final String ONSITE_ACCEPTANCE = PartnerDeliveryRoutes.INVITATION + "/onsite-acceptance";
    private static final RouteRole[] PARTNER = RequiredRole.anyOf(Role.PARTNER);

    private final RecordPhoneAnswerUseCase recordPhoneAnswer;
    private final RecordOnsiteAcceptanceUseCase recordOnsiteAcceptance;

    public PartnerAnswerRoutes(RecordPhoneAnswerUseCase recordPhoneAnswer,
            RecordOnsiteAcceptanceUseCase recordOnsiteAcceptance) {
        this.recordPhoneAnswer = Objects.requireNonNull(recordPhoneAnswer);
        this.recordOnsiteAcceptance = Objects.requireNonNull(recordOnsiteAcceptance);
    }

    public void register(RoutesConfig routes) {
        routes.post(RESPONSE, this::recordPhoneAnswer, PARTNER);
        routes.post(ONSITE_ACCEPTANCE, this::recordOnsiteAcceptance, PARTNER);
    }

    /** What the customer answered on the phone; {@code contactAllowed} is false when left out. */
    record PhoneAnswerBody(Integer score, String comment, Boolean contactAllowed) {
        @Override
        public String toString() {
            return "PhoneAnswerBody[score=" + score + ", comment=" + (comment == null ? "<none>" : "<given>")
                    + ", contactAllowed=" + contactAllowed + "]";
        }
    }

    /** Yes with the time and place agreed, or no with neither. */
    record OnsiteAcceptanceBody(Boolean accepted, String meetingAt, String place) {
        @Override
        public String toString() {
            return "OnsiteAcceptanceBody[accepted=" + accepted + ", meetingAt=" + meetingAt + ", place="
                    + (place == null ? "<none>" : "<given>") + "]";
        }
    }

    private void recordPhoneAnswer(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        NpsAnswer answer = phoneAnswer(StrictJson.readBody(ctx, PhoneAnswerBody.class));
        RecordPhoneAnswerUseCase.Result result =
                recordPhoneAnswer.record(PartnerDeliveryRoutes.caller(ctx), invitationId(ctx), answer);
        if (result instanceof RecordPhoneAnswerUseCase.Recorded) {
            ctx.status(204);
        } else if (result instanceof RecordPhoneAnswerUseCase.NotFound) {
            throw PartnerDeliveryRoutes.notFound();
        } else if (result instanceof RecordPhoneAnswerUseCase.WrongDeliveryChannel) {
            throw conflict("The invitation is not a PHONE survey's; only those take an answer recorded by a partner."
                    + " Nothing was recorded.");
        } else if (result instanceof RecordPhoneAnswerUseCase.NotAnswerable notAnswerable) {
            throw conflict(notAnswerableDetail(notAnswerable.state().name()));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    private void recordOnsiteAcceptance(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        OnsiteAcceptance acceptance = onsiteAcceptance(StrictJson.readBody(ctx, OnsiteAcceptanceBody.class));
        RecordOnsiteAcceptanceUseCase.Result result =
                recordOnsiteAcceptance.record(PartnerDeliveryRoutes.caller(ctx), invitationId(ctx), acceptance);
        if (result instanceof RecordOnsiteAcceptanceUseCase.Recorded) {
            ctx.status(204);
        } else if (result instanceof RecordOnsiteAcceptanceUseCase.NotFound) {
            throw PartnerDeliveryRoutes.notFound();
        } else if (result instanceof RecordOnsiteAcceptanceUseCase.WrongDeliveryChannel) {
            throw conflict("The invitation is not an ONSITE survey's; only those take an interview acceptance."
                    + " Nothing was recorded.");
        } else if (result instanceof RecordOnsiteAcceptanceUseCase.NotAnswerable notAnswerable) {
            throw conflict(notAnswerableDetail(notAnswerable.state().name()));
        } else if (result instanceof RecordOnsiteAcceptanceUseCase.MeetingInPast) {
            throw new ProblemException(Problem.unprocessable(
                    List.of(new InvalidParam("body.meetingAt", "must be in the future"))));
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    static NpsAnswer phoneAnswer(PhoneAnswerBody body) {
        int score = RequestParams.required("body.score", body.score());
        if (score < NpsScore.MIN || score > NpsScore.MAX) {
            throw ProblemException.invalid("body.score",
                    "must be a whole number from " + NpsScore.MIN + " to " + NpsScore.MAX);
        }
        Optional<String> comment = Optional.ofNullable(body.comment());
        if (comment.isPresent() && characters(comment.get().strip()) > NpsAnswer.MAX_COMMENT_LENGTH) {
            throw ProblemException.invalid("body.comment",
                    "must be at most " + NpsAnswer.MAX_COMMENT_LENGTH + " characters");
        }
        boolean contactAllowed = Boolean.TRUE.equals(body.contactAllowed());
        return new NpsAnswer(new NpsScore(score), comment, contactAllowed);
    }

    static OnsiteAcceptance onsiteAcceptance(OnsiteAcceptanceBody body) {
        boolean accepted = RequestParams.required("body.accepted", body.accepted());
        if (!accepted) {
            // A time or place with a "no" contradicts it: refused rather than silently dropped.
            if (body.meetingAt() != null) {
                throw ProblemException.invalid("body.meetingAt", "must be left out when accepted is false");
            }
            if (body.place() != null) {
                throw ProblemException.invalid("body.place", "must be left out when accepted is false");
            }
            return new OnsiteAcceptance.Declined();
        }
        Instant meetingAt = RequestParams.parse("body.meetingAt",
                RequestParams.required("body.meetingAt", body.meetingAt()), RequestParams::dateTime);
        String place = RequestParams.required("body.place", body.place());
        return RequestParams.valid("body.place", () -> new OnsiteAcceptance.Accepted(meetingAt, place));
    }

    private static String notAnswerableDetail(String state) {
        return "The invitation cannot take an answer in state " + state + ": only a HANDED_OVER invitation that has"
                + " not expired can. Nothing was recorded.";
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
    }

    /** The id as it came, unchecked: see the class comment. */
    private static String invitationId(Context ctx) {
        return ctx.pathParam("invitationId");
    }
}
