package fi.palaute.application.service.erasure;

import fi.palaute.application.port.in.erasure.EraseCustomerSurveyDataUseCase;
import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.application.port.out.AuditLog;
import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.OnsiteAcceptanceRepository;
import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In one transaction, with the customer locked as the intake locks them: withdraw the open invitations (their
 * partners' feeds say so), remove the follow-ups of the customer's answers, remove every invitation with its
 * interview acceptance, remove the customer link of the customer's answers (the answers stay, de-identified, for
 * the summaries), and audit the request with the removed invitation ids, never the customer. The prohibition and
 * its history stay: they must still be honoured.
 */
public final class EraseCustomerSurveyDataService implements EraseCustomerSurveyDataUseCase {

    private final TransactionRunner transactions;
    private final CustomerLocks customerLocks;
    private final InvitationRepository invitations;
    private final ErasableAnswerData answerData;
    private final PartnerChangeFeed partnerChanges;
    private final AuditLog audit;
    private final Clock clock;

    public EraseCustomerSurveyDataService(TransactionRunner transactions, CustomerLocks customerLocks,
            InvitationRepository invitations, ErasableAnswerData answerData, PartnerChangeFeed partnerChanges,
            AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.customerLocks = Objects.requireNonNull(customerLocks);
        this.invitations = Objects.requireNonNull(invitations);
        this.answerData = Objects.requireNonNull(answerData);
        this.partnerChanges = Objects.requireNonNull(partnerChanges);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Where a customer's answers left personal data. */
    public record ErasableAnswerData(AnswerRepository answers, FollowUpRepository followUps,
            OnsiteAcceptanceRepository onsiteAcceptances) {

        public ErasableAnswerData {
            Objects.requireNonNull(answers, "answers");
            Objects.requireNonNull(followUps, "followUps");
            Objects.requireNonNull(onsiteAcceptances, "onsiteAcceptances");
        }
    }

    @Override
    public Outcome erase(Command command) {
        return transactions.inTransaction(() -> {
            customerLocks.lock(List.of(command.customerId()));
            Instant now = clock.instant();
            List<PartnerChange> withdrawn = PartnerChange.forEnded(
                    invitations.withdrawOpen(command.customerId(), now), PartnerChange.Kind.WITHDRAWN, now);
            if (!withdrawn.isEmpty()) {
                partnerChanges.append(withdrawn);
            }
            answerData.followUps().deleteOfCustomer(command.customerId());
            answerData.answers().deidentifyCustomer(command.customerId());
            List<String> removed = invitations.deleteByCustomer(command.customerId());
            answerData.onsiteAcceptances().deleteForInvitations(removed);
            audit.append(new AuditEntry(Ids.newId(clock), Optional.empty(), command.adminKeyId(),
                    AuditEntry.Action.ERASE_CUSTOMER_DATA, removed, now, AuditEntry.Outcome.OK));
            return new Outcome(removed.size());
        });
    }
}
