package org.fittrackee.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint FitTrackee serves to its own web client only: a missing, invalid or expired token,
 * and a third-party app's valid one, get FitTrackee's 401 {@code provide a valid auth token}
 * (reference §1.2, step 4). The first-party clients are the setting {@code
 * fittrackee.first-party-client-ids}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FirstPartyOnly {}
