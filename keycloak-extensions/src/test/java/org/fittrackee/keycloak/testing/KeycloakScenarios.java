package org.fittrackee.keycloak.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What the scenario classes share: the server they run against, and the FitTrackee clients built on
 * it. Each scenario class has one subclass per way of running Keycloak.
 */
public abstract class KeycloakScenarios {

    protected abstract KeycloakEndpoint keycloak();

    protected AdminApi admin() {
        return new AdminApi(keycloak());
    }

    protected AppsApiClient appsApi() {
        return new AppsApiClient(keycloak());
    }

    protected FittrackeeOAuth oauth() {
        return new FittrackeeOAuth(keycloak());
    }

    /** The query a FitTrackee app sends to {@code /profile/apps/authorize}. */
    protected static Map<String, String> authorizationQuery(
            RegisteredApp app, String scope, String state, Pkce pkce) {
        return ThirdPartyFlow.authorizationQuery(app, scope, state, pkce);
    }

    /** Opens the authorization URL as the user and logs in if asked. */
    protected Browser.Page openAuthorization(
            Browser browser, AdminApi.TestUser user, Map<String, String> query) {
        return new ThirdPartyFlow(keycloak()).openAuthorization(browser, user, query);
    }

    /** The code the app receives once the user has authorized the request. */
    protected String authorizationCode(AdminApi.TestUser user, Map<String, String> query) {
        return new ThirdPartyFlow(keycloak()).authorizationCode(user, query);
    }

    /** Runs the whole third-party flow for the user and returns the token response. */
    protected JsonNode authorizeAndExchange(
            AdminApi.TestUser user, RegisteredApp app, String scope) {
        return new ThirdPartyFlow(keycloak()).tokenFor(user, app, scope);
    }
}
