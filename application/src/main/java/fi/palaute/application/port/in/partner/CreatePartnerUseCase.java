package fi.palaute.application.port.in.partner;

/** The survey team registers a data processor that will deliver invitations. */
@FunctionalInterface
public interface CreatePartnerUseCase {

    CreatePartnerResult create(CreatePartnerCommand command);
}
