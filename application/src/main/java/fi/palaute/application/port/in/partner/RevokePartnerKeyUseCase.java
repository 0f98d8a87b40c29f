package fi.palaute.application.port.in.partner;

/**
 * Revokes a partner key for good. The key row stays (the audit trail names it); it no longer authenticates, at the
 * latest once each node's short memory of recently seen keys has passed.
 */
@FunctionalInterface
public interface RevokePartnerKeyUseCase {

    /** False when the partner has no live key with this id. */
    boolean revoke(RevokePartnerKeyCommand command);
}
