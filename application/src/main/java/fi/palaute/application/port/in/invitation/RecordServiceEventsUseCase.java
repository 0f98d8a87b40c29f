package fi.palaute.application.port.in.invitation;

/** R-TRIGGER: a channel reports completed matters; each active transactional survey listening decides. */
@FunctionalInterface
public interface RecordServiceEventsUseCase {

    RecordServiceEventsResult record(RecordServiceEventsCommand command);
}
