package org.fittrackee.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint FitTrackee serves without authentication, such as {@code GET /api/config}. As in
 * FitTrackee, its {@code Authorization} header is not read at all: a stale or invalid token there
 * is no error.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicEndpoint {}
