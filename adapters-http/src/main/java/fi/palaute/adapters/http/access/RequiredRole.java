package fi.palaute.adapters.http.access;

import fi.palaute.domain.access.Role;
import io.javalin.security.RouteRole;
import java.util.Objects;

/** Marks a route with a role that may call it; routes without one are public. */
public record RequiredRole(Role role) implements RouteRole {

    public RequiredRole {
        Objects.requireNonNull(role, "role");
    }

    public static RouteRole[] anyOf(Role... roles) {
        RouteRole[] routeRoles = new RouteRole[roles.length];
        for (int i = 0; i < roles.length; i++) {
            routeRoles[i] = new RequiredRole(roles[i]);
        }
        return routeRoles;
    }
}
