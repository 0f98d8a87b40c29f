package fi.palaute.adapters.http.planted;

import fi.palaute.application.service.consent.ShowProhibitionService;

/**
 * A deliberate violation, compiled only into bootstrap's tests: an adapter class that holds a service class
 * instead of a use-case interface. {@code ArchitectureTest} shows its rules catch it.
 */
public final class PlantedAdapter {

    private final ShowProhibitionService service;

    public PlantedAdapter(ShowProhibitionService service) {
        this.service = service;
    }

    public Object service() {
        return service;
    }
}
