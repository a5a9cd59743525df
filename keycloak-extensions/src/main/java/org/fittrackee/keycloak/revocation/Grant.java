package org.fittrackee.keycloak.revocation;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * What one client holds in one user session: its client session, online and offline, and with it
 * the refresh token and the access tokens of that authorization.
 *
 * @param userSessionId the user session, the {@code sid} of the grant's tokens
 */
public record Grant(RealmModel realm, String userSessionId, ClientModel client) {}
