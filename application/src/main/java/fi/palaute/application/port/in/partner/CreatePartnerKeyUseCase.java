package fi.palaute.application.port.in.partner;

/** Makes a PARTNER key bound to one partner; its text is shown once, only its hash is stored. */
@FunctionalInterface
public interface CreatePartnerKeyUseCase {

    CreatePartnerKeyResult create(CreatePartnerKeyCommand command);
}
