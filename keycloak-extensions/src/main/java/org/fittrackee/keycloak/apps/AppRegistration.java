package org.fittrackee.keycloak.apps;

import java.util.List;

/**
 * A validated registration request of {@code POST /api/oauth/apps}.
 *
 * @param name FitTrackee's {@code client_name}
 * @param description {@code client_description}, or null
 * @param website {@code client_uri}, shown on the consent page
 * @param redirectUris the redirect URIs in registration order, without repeats
 * @param scopes the registered FitTrackee scopes in the order given
 */
public record AppRegistration(
        String name,
        String description,
        String website,
        List<String> redirectUris,
        List<String> scopes) {

    public String scope() {
        return String.join(" ", scopes);
    }
}
