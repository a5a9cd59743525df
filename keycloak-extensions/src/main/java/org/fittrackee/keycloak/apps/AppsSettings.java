package org.fittrackee.keycloak.apps;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.keycloak.Config;

/**
 * The apps API's server options, read once at start-up from {@code
 * --spi-realm-restapi-extension--fittrackee--<option>}.
 *
 * @param firstPartyClientIds clients whose tokens are the user's own and may manage apps
 * @param appDefaultClientScopes the client scopes every app gets as default scopes
 */
public record AppsSettings(Set<String> firstPartyClientIds, List<String> appDefaultClientScopes) {

    public static final String FIRST_PARTY_CLIENT_IDS = "first-party-client-ids";
    public static final String APP_DEFAULT_CLIENT_SCOPES = "app-default-client-scopes";

    static final String DEFAULT_FIRST_PARTY_CLIENT_IDS = "fittrackee-web";
    static final String DEFAULT_APP_CLIENT_SCOPES = "basic,fittrackee-api-audience,offline_access";

    public static AppsSettings from(Config.Scope config) {
        return new AppsSettings(
                Set.copyOf(
                        listOf(config.get(FIRST_PARTY_CLIENT_IDS, DEFAULT_FIRST_PARTY_CLIENT_IDS))),
                listOf(config.get(APP_DEFAULT_CLIENT_SCOPES, DEFAULT_APP_CLIENT_SCOPES)));
    }

    static List<String> listOf(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
    }
}
