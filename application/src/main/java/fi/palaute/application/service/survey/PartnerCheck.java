package fi.palaute.application.service.survey;

import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.SurveyDefinition;
import java.util.Optional;

/** A partner-delivered survey must name a registered partner, or its invitations would wait for no one. */
final class PartnerCheck {

    private PartnerCheck() {
    }

    /** The partner the definition names that is not registered, if any. */
    static Optional<PartnerId> unknownPartner(SurveyDefinition definition, PartnerRepository partners) {
        if (definition.deliverer() instanceof Deliverer.Partner partner
                && partners.find(partner.partnerId()).isEmpty()) {
            return Optional.of(partner.partnerId());
        }
        return Optional.empty();
    }
}
