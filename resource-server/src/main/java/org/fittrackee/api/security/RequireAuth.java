package org.fittrackee.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.fittrackee.api.users.Role;

/**
 * FitTrackee's access rule of an endpoint, checked by {@link AccessRuleInterceptor} in FitTrackee's
 * order: token, scope, active user, suspension, role. Every API handler carries this or {@link
 * PublicEndpoint}; one with neither is refused.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequireAuth {

    /** The one OAuth scope the endpoint needs; first-party tokens carry every scope. */
    String scope();

    /** Whether the endpoint also answers anonymously when no Authorization header is sent. */
    boolean optional() default false;

    /** Whether suspended users may call it. */
    boolean allowSuspended() default false;

    /** The lowest FitTrackee role allowed. */
    Role role() default Role.USER;
}
