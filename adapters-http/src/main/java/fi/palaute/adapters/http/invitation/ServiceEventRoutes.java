package fi.palaute.adapters.http.invitation;

import static fi.palaute.adapters.http.invitation.InvitationDtos.member;
import static fi.palaute.adapters.http.invitation.InvitationDtos.required;

import fi.palaute.adapters.http.RequestParams;
import fi.palaute.adapters.http.access.BearerAuthentication;
import fi.palaute.adapters.http.access.RequiredRole;
import fi.palaute.adapters.http.json.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.adapters.http.problem.ProblemException;
import fi.palaute.adapters.http.problem.ProblemType;
import fi.palaute.application.port.in.invitation.RecordServiceEventsCommand;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult;
import fi.palaute.application.port.in.invitation.RecordServiceEventsUseCase;
import fi.palaute.domain.access.Role;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoints;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.ServiceEvent;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * R-TRIGGER: service channels report completed matters, one event as a JSON object or a batch of up to
 * {@value RecordServiceEventsCommand#MAX_EVENTS} as an array. Every event is checked before any is recorded; the
 * first bad one fails the whole batch and is named by its index. The source of the events is the key that sent
 * them. This route carries the service's heaviest traffic: the body is bound once, and nothing is logged per event.
 */
public final class ServiceEventRoutes {

    public static final String SERVICE_EVENTS = "/api/v1/service-events";
    private static final String SHAPE = "must be one event (a JSON object) or a batch of them (a JSON array)";
    private static final String EVENT_SHAPE = "must be an event object";

    private final RecordServiceEventsUseCase recordEvents;

    public ServiceEventRoutes(RecordServiceEventsUseCase recordEvents) {
        this.recordEvents = Objects.requireNonNull(recordEvents);
    }

    public void register(RoutesConfig routes) {
        routes.post(SERVICE_EVENTS, this::record, RequiredRole.anyOf(Role.EVENT_SOURCE));
    }

    private void record(Context ctx) {
        RequestParams.allowOnlyQuery(ctx, Set.of());
        byte[] body = StrictJson.requiredBody(ctx);
        boolean batch = StrictJson.startsWithArray(body);
        List<ServiceEvent> events = batch ? batchOf(body)
                : List.of(eventOf("body", StrictJson.read(body, InvitationDtos.ServiceEventBody.class, SHAPE)));
        RecordServiceEventsCommand command =
                new RecordServiceEventsCommand(BearerAuthentication.caller(ctx).keyId(), events);
        RecordServiceEventsResult result = recordEvents.record(command);
        if (result instanceof RecordServiceEventsResult.Recorded recorded) {
            StrictJson.write(ctx, 200, new InvitationDtos.EventResults(
                    recorded.outcomes().stream().map(InvitationDtos.EventResult::of).toList()));
        } else if (result instanceof RecordServiceEventsResult.Refused refused) {
            String at = batch ? "body[" + refused.index() + "]" : "body";
            throw ProblemException.invalid(at + "." + refused.field(), refused.reason());
        } else {
            throw new IllegalStateException("unknown result " + result.getClass());
        }
    }

    /**
     * Binds the whole batch at once. Should that fail, the batch is walked again event by event, so that the
     * first bad event is the one named even when a later one has a member of the wrong type (found while
     * binding) and an earlier one a value that is wrong (found only after).
     */
    private static List<ServiceEvent> batchOf(byte[] body) {
        InvitationDtos.ServiceEventBody[] bodies;
        try {
            bodies = StrictJson.read(body, InvitationDtos.ServiceEventBody[].class, SHAPE);
        } catch (ProblemException unbound) {
            if (!unbound.problem().type().equals(ProblemType.VALIDATION.uri())) {
                throw unbound;
            }
            JsonNode events = StrictJson.readTree(body);
            eventsOf(events.size(), i -> StrictJson.convert(events.get(i), InvitationDtos.ServiceEventBody.class,
                    "body[" + i + "]", EVENT_SHAPE));
            throw unbound;
        }
        return eventsOf(bodies.length, i -> bodies[i]);
    }

    private static List<ServiceEvent> eventsOf(int count, IntFunction<InvitationDtos.ServiceEventBody> bodyAt) {
        if (count == 0) {
            throw ProblemException.invalid("body", "a batch holds 1-" + RecordServiceEventsCommand.MAX_EVENTS
                    + " events; this one is empty");
        }
        if (count > RecordServiceEventsCommand.MAX_EVENTS) {
            throw ProblemException.invalid("body", "a batch holds at most " + RecordServiceEventsCommand.MAX_EVENTS
                    + " events; this one holds " + count + ". Send the rest in another request");
        }
        List<ServiceEvent> events = new ArrayList<>(count);
        Set<String> eventIds = new HashSet<>(count * 2);
        for (int i = 0; i < count; i++) {
            String at = "body[" + i + "]";
            ServiceEvent event = eventOf(at, bodyAt.apply(i));
            if (!eventIds.add(event.eventId())) {
                throw ProblemException.invalid(at + ".eventId", "appears earlier in the same batch");
            }
            events.add(event);
        }
        return events;
    }

    private static ServiceEvent eventOf(String at, InvitationDtos.ServiceEventBody e) {
        if (e == null) {
            throw ProblemException.invalid(at, EVENT_SHAPE);
        }
        String eventId = required(at, "eventId", e.eventId());
        CustomerId customerId = member(at, "customerId", () -> new CustomerId(required(at, "customerId",
                e.customerId())));
        Channel channel = required(at, "channel", e.channel());
        Instant occurredAt = occurredAt(at, required(at, "occurredAt", e.occurredAt()));
        Controller controller = member(at, "controller", () -> new Controller(required(at, "controller",
                e.controller())));
        Language language = InvitationDtos.language(at, "language", required(at, "language", e.language()));
        ContactPoints contactPoints = InvitationDtos.contactPoints(at, e.email(), e.mobile());
        // The event's own rule is on its id alone: the other members are checked above.
        return member(at, "eventId", () ->
                new ServiceEvent(eventId, customerId, channel, occurredAt, controller, language, contactPoints));
    }

    private static Instant occurredAt(String at, String text) {
        return member(at, "occurredAt", () -> RequestParams.dateTime(text));
    }
}
