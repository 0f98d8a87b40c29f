package fi.palaute.application.port.in.lifecycle;

/**
 * A job the service runs on its own, on every node: ends the invitations whose expiry has come (their partners learn
 * it from the change feed) and erases the contact points of ended invitations (R-PARTNER: contact points go when an
 * invitation ends, at the latest 7 days after expiry; this job runs every few minutes). Safe on all nodes at once.
 */
@FunctionalInterface
public interface ExpireInvitationsUseCase {

    Outcome expireDue();

    record Outcome(int expired, int contactPointsErased) {
    }
}
