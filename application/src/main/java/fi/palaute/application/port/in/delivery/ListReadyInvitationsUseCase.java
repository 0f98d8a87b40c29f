package fi.palaute.application.port.in.delivery;

/** R-PARTNER: the invitations this partner must deliver and has not claimed yet. */
@FunctionalInterface
public interface ListReadyInvitationsUseCase {

    ReadyInvitationsPage list(ListReadyInvitationsQuery query);
}
