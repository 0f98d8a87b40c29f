package fi.palaute.adapters.http.invitation;

import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult.EventOutcome;
import fi.palaute.domain.invitation.ContactPoints;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.MobileNumber;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The JSON shapes of service events, studies and the funnel, and the checks their members share. Every check
 * names where the member is ({@code body[17].customerId}, {@code body.customers[2].email}) and never repeats what
 * was sent: these members are customer numbers and contact points.
 */
final class InvitationDtos {

    private InvitationDtos() {
    }

    /** A matter a customer completed, as a channel reports it. */
    record ServiceEventBody(
            String eventId, String customerId, Channel channel, String occurredAt, String controller,
            String language, String email, String mobile) {
    }

    record EventResults(List<EventResult> results) {
    }

    record EventResult(String eventId, boolean redelivery, List<SurveyDecisionView> decisions) {
        static EventResult of(EventOutcome outcome) {
            return new EventResult(outcome.eventId(), outcome.redelivery(),
                    outcome.decisions().stream().map(SurveyDecisionView::of).toList());
        }
    }

    record SurveyDecisionView(String surveyId, DecisionReason reason) {
        static SurveyDecisionView of(SurveyDecision decision) {
            return new SurveyDecisionView(decision.surveyId().value(), decision.reason());
        }
    }

    /** A study's customer list and the controller of those customer relationships. */
    record StudyBody(String controller, List<StudyCustomerBody> customers) {
    }

    record StudyCustomerBody(String customerId, String language, String email, String mobile) {
    }

    record StudyResult(String surveyId, List<CustomerDecisionView> decisions) {
    }

    record CustomerDecisionView(String customerId, DecisionReason reason) {
    }

    /** Every day of the range asked for, in order; a day is an ordered map so that each funnel step is a member. */
    record FunnelView(String surveyId, LocalDate from, LocalDate to, List<Map<String, Object>> days) {
    }

    /**
     * Builds one member's value; a refusal names {@code at.name}. The name is put together only when something
     * is wrong, since events arrive by the thousand.
     */
    static <T> T member(String at, String name, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException invalid) {
            String reason = invalid.getMessage();
            throw ProblemException.invalid(at + "." + name,
                    reason == null || reason.isBlank() ? "is not valid" : reason);
        }
    }

    static <T> T required(String at, String name, T value) {
        if (value == null) {
            throw ProblemException.invalid(at + "." + name, "is required");
        }
        return value;
    }

    /** A language by its exact code, fi, sv or en. */
    static Language language(String at, String name, String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        throw ProblemException.invalid(at + "." + name, "must be one of fi, sv, en");
    }

    /** E-mail as given (its domain lower-cased); a mobile number normalised to E.164. Either may be absent. */
    static ContactPoints contactPoints(String at, String email, String mobile) {
        if (email == null && mobile == null) {
            return ContactPoints.NONE;
        }
        Optional<EmailAddress> emailAddress = email == null ? Optional.empty()
                : Optional.of(member(at, "email", () -> new EmailAddress(email)));
        Optional<MobileNumber> mobileNumber = mobile == null ? Optional.empty()
                : Optional.of(member(at, "mobile", () -> MobileNumber.parse(mobile)));
        return new ContactPoints(emailAddress, mobileNumber);
    }
}
