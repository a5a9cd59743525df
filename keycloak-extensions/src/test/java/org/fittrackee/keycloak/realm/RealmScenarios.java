package org.fittrackee.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.keycloak.scopes.FittrackeeScopes;
import org.fittrackee.keycloak.testing.AdminApi.TestUser;
import org.fittrackee.keycloak.testing.Browser;
import org.fittrackee.keycloak.testing.FittrackeeOAuth;
import org.fittrackee.keycloak.testing.HttpJson;
import org.fittrackee.keycloak.testing.KeycloakScenarios;
import org.fittrackee.keycloak.testing.RegisteredApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the imported realm JSON sets up: lifetimes, protections, tokens and policies. */
public abstract class RealmScenarios extends KeycloakScenarios {

    private static final String REDIRECT_URI = "https://sync.example.org/callback";

    @Test
    void lifetimesAreFittrackeesAsTheReferenceSetsThem() {
        JsonNode realm = admin().realmRepresentation();

        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(3600);
        assertThat(realm.get("accessCodeLifespan").asInt()).isEqualTo(300);
        assertThat(realm.get("offlineSessionIdleTimeout").asInt()).isEqualTo(20 * 24 * 3600);
        assertThat(realm.get("offlineSessionMaxLifespanEnabled").asBoolean()).isFalse();
        assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.get("refreshTokenMaxReuse").asInt()).isZero();
    }

    @Test
    void theRealmHasExactlyOneOfEachClientScope() {
        List<String> scopes = admin().clientScopeNames();

        assertThat(scopes).doesNotHaveDuplicates();
        assertThat(scopes).containsAll(FittrackeeScopes.ALL);
        assertThat(scopes).contains("offline_access", "basic", "fittrackee-api-audience");
    }

    @Test
    void bruteForceProtectionIsOn() {
        assertThat(admin().realmRepresentation().get("bruteForceProtected").asBoolean()).isTrue();
    }

    @Test
    void aFirstPartyTokenCarriesEveryFittrackeeScopeForTheResourceServer() {
        TestUser user = admin().createUser();

        JsonNode claims = FittrackeeOAuth.claimsOf(oauth().firstPartyToken(user));

        assertThat(claims.get("azp").asText()).isEqualTo(FittrackeeOAuth.FIRST_PARTY_CLIENT);
        assertThat(claims.get("sub").asText()).isEqualTo(user.id());
        assertThat(claims.get("preferred_username").asText()).isEqualTo(user.username());
        assertThat(HttpJson.textsOf(claims.get("aud"))).containsExactly("fittrackee-api");
        assertThat(claims.get("scope").asText().split(" "))
                .containsExactlyInAnyOrderElementsOf(FittrackeeScopes.ALL);
    }

    @Test
    void fittrackeeRolesReachTheTokenWithTheirComposites() {
        TestUser owner = admin().createUser("owner");

        JsonNode claims = FittrackeeOAuth.claimsOf(oauth().firstPartyToken(owner));

        assertThat(HttpJson.textsOf(claims.get("realm_access").get("roles")))
                .contains("owner", "admin", "moderator", "user");
    }

    @Test
    void theResourceServerIsAConfidentialClientThatLogsNobodyIn() {
        JsonNode client = admin().findClient("fittrackee-api");

        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.get("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(admin().resourceServerSecret()).isNotBlank();
    }

    @Test
    void theRealmListensToEventsWithKeycloaksLogAlone() {
        assertThat(HttpJson.textsOf(admin().realmRepresentation().get("eventsListeners")))
                .containsExactly("jboss-logging");
    }

    @Test
    void anAppsRefreshTokenIsAnOfflineTokenWithoutAbsoluteExpiry() {
        TestUser user = admin().createUser();
        RegisteredApp app = registerAppOf(user);

        JsonNode token = authorizeAndExchange(user, app, "workouts:read");

        // Offline tokens end after the realm's idle time (20 days, sliding on each refresh) and
        // have no maximum, so Keycloak gives them no expiry of their own.
        assertThat(token.get("refresh_expires_in").asInt()).isZero();
        JsonNode refreshClaims = FittrackeeOAuth.claimsOf(token.get("refresh_token").asText());
        assertThat(refreshClaims.get("typ").asText()).isEqualTo("Offline");
        assertThat(refreshClaims.has("exp")).isFalse();
    }

    @Test
    void theClientPolicyRefusesAnAdminEditThatTurnsConsentOff() {
        TestUser user = admin().createUser();
        RegisteredApp app = registerAppOf(user);
        JsonNode client = admin().findClient(app.clientId());
        ((ObjectNode) client).put("consentRequired", false);

        HttpJson.Answer refused =
                admin().send(
                                HttpJson.postJson(admin().clientUrl(client), client)
                                        .method(
                                                "PUT",
                                                BodyPublishers.ofString(HttpJson.toJson(client))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(admin().findClient(app.clientId()).get("consentRequired").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"implicitFlowEnabled", "directAccessGrantsEnabled"})
    void theClientPolicyRefusesAnAdminEditThatEnablesAnotherGrant(String flow) {
        TestUser user = admin().createUser();
        RegisteredApp app = registerAppOf(user);
        JsonNode client = admin().findClient(app.clientId());
        ((ObjectNode) client).put(flow, true);

        HttpJson.Answer refused = admin().updateClient(client);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(admin().findClient(app.clientId()).get(flow).asBoolean()).isFalse();
    }

    @Test
    void anAppCannotUseTheImplicitFlow() {
        TestUser user = admin().createUser();
        RegisteredApp app = registerAppOf(user);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "token");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", "workouts:read");
        query.put("state", "s");

        Browser.Page back = new Browser(keycloak()).open(keycloakAuthorizationUrl(query));

        assertThat(back.appRedirect()).as(back.body()).isNotNull();
        assertThat(back.appRedirect().toString())
                .startsWith(REDIRECT_URI)
                .contains("error=unauthorized_client")
                .doesNotContain("access_token");
    }

    @Test
    void anAppCannotUseThePasswordGrant() {
        TestUser user = admin().createUser();
        RegisteredApp app = registerAppOf(user);

        HttpJson.Answer refused =
                HttpJson.send(
                        HttpJson.postForm(
                                oauth().tokenEndpoint(),
                                Map.of(
                                        "grant_type", "password",
                                        "client_id", app.clientId(),
                                        "client_secret", app.secret(),
                                        "username", user.username(),
                                        "password", user.password())));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(refused.json().has("access_token")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "none"})
    void theFirstPartyClientRequiresS256(String method) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", FittrackeeOAuth.FIRST_PARTY_CLIENT);
        query.put("redirect_uri", FittrackeeOAuth.FIRST_PARTY_REDIRECT_URI);
        query.put("state", "s");
        if (method.equals("plain")) {
            query.put("code_challenge", "p".repeat(43));
            query.put("code_challenge_method", "plain");
        }

        Browser.Page back = new Browser(keycloak()).open(keycloakAuthorizationUrl(query));

        assertThat(back.appRedirectParameter("error")).isEqualTo("invalid_request");
        assertThat(back.appRedirectParameter("code")).isNull();
    }

    private String keycloakAuthorizationUrl(Map<String, String> query) {
        return keycloak().realmUrl()
                + "/protocol/openid-connect/auth?"
                + HttpJson.formEncoded(query);
    }

    private RegisteredApp registerAppOf(TestUser user) {
        return appsApi().registerApp(oauth().firstPartyToken(user), "workouts:read", REDIRECT_URI);
    }
}
