package fi.palaute.application.service.answer;

import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.personaldata.CommentScrubber;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsAnswer;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores an answer once its invitation is used, by the same rules for the page and for a partner's phone call:
 * the comment scrubbed of personal data first (R-PII; the original is never stored), an anonymous survey's answer
 * kept apart with no customer, invitation or time finer than its ISO week (R-ANON), and a follow-up opened for an
 * identified detractor who allowed contact (R-FOLLOWUP).
 */
final class AnswerRecording {

    private AnswerRecording() {
    }

    /** Inside the transaction that used the invitation. */
    static void store(AnswerStores stores, Clock clock, Invitation invitation, boolean anonymous, NpsAnswer answer,
            Language language, Instant now) {
        AnswerContext context = AnswerContext.of(invitation, language);
        Optional<ScrubbedComment> comment = answer.comment().map(text -> CommentScrubber.scrub(text, language));
        if (anonymous) {
            stores.answers().insert(new StoredAnswer.AnonymousAnswer(Ids.newRandomId(), context, answer.score(),
                    comment, IsoWeek.containing(now)));
            return;
        }
        StoredAnswer.IdentifiedAnswer identified = new StoredAnswer.IdentifiedAnswer(Ids.newId(clock), context,
                invitation.customerId(), invitation.id(), answer.score(), comment, answer.contactAllowed(), now);
        stores.answers().insert(identified);
        if (identified.opensFollowUp()) {
            stores.followUps().insert(FollowUp.open(Ids.newId(clock), identified.answerId(), invitation.surveyId(),
                    invitation.channel(), now));
        }
    }
}
