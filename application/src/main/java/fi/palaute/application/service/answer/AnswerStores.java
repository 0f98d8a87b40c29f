package fi.palaute.application.service.answer;

import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.application.port.out.AuditLog;
import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.OnsiteAcceptanceRepository;
import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.application.port.out.TransactionRunner;
import java.util.Objects;

/** The out-ports the answering use cases work through, whoever answers: the customer on the page or a partner. */
public record AnswerStores(
        TransactionRunner transactions,
        CustomerLocks customerLocks,
        InvitationRepository invitations,
        SurveyRepository surveys,
        AnswerRepository answers,
        FollowUpRepository followUps,
        OnsiteAcceptanceRepository onsiteAcceptances,
        PartnerChangeFeed partnerChanges,
        AuditLog audit) {

    public AnswerStores {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(customerLocks, "customerLocks");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(onsiteAcceptances, "onsiteAcceptances");
        Objects.requireNonNull(partnerChanges, "partnerChanges");
        Objects.requireNonNull(audit, "audit");
    }
}
