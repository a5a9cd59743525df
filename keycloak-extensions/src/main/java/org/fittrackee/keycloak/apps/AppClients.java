package org.fittrackee.keycloak.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSecretConstants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * FitTrackee apps as Keycloak clients: each app is a confidential OIDC client marked with the
 * attributes below, found only through its owner, so that no lookup can reach another user's app.
 */
public final class AppClients {

    public static final String APP_MARKER = "fittrackee.app";
    public static final String OWNER = "fittrackee.owner";
    public static final String APP_ID = "fittrackee.app_id";
    public static final String ISSUED_AT = "fittrackee.issued_at";
    public static final String REDIRECT_URIS = "fittrackee.redirect_uris";
    public static final String SCOPE = "fittrackee.scope";

    static final int CLIENT_ID_LENGTH = 24;
    static final int CLIENT_SECRET_LENGTH = 48;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final List<String> defaultClientScopes;

    public AppClients(KeycloakSession session, RealmModel realm, List<String> defaultClientScopes) {
        this.session = session;
        this.realm = realm;
        this.defaultClientScopes = defaultClientScopes;
    }

    /** Whether the client is a FitTrackee app, and not a realm's own client. */
    public static boolean isApp(ClientModel client) {
        return client != null && "true".equals(client.getAttribute(APP_MARKER));
    }

    /** The app's redirect URIs in registration order; Keycloak keeps them as a set. */
    public static List<String> redirectUrisOf(ClientModel client) {
        String ordered = client.getAttribute(REDIRECT_URIS);
        if (ordered != null) {
            try {
                return JSON.readValue(ordered, new TypeReference<List<String>>() {});
            } catch (JsonProcessingException e) {
                return List.copyOf(client.getRedirectUris());
            }
        }
        return List.copyOf(client.getRedirectUris());
    }

    /** The owner's apps, newest first. */
    public List<ClientModel> ownedBy(UserModel owner) {
        Map<String, String> ownerMarker = Map.of(OWNER, owner.getId());
        try (Stream<ClientModel> found =
                session.clients().searchClientsByAttributes(realm, ownerMarker, null, null)) {
            return found.filter(client -> isOwnedApp(client, owner))
                    .sorted(Comparator.comparingLong(AppClients::appIdOf).reversed())
                    .toList();
        }
    }

    public Optional<ClientModel> findByClientId(UserModel owner, String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        return isOwnedApp(client, owner) ? Optional.of(client) : Optional.empty();
    }

    public Optional<ClientModel> findByAppId(UserModel owner, long appId) {
        return ownedBy(owner).stream().filter(client -> appIdOf(client) == appId).findFirst();
    }

    /** Creates the app's client and returns it with its newly generated secret. */
    public CreatedApp create(UserModel owner, AppRegistration registration) {
        ClientRepresentation rep = clientFor(owner, registration);
        ClientModel client = ClientManager.createClient(session, realm, rep);
        return new CreatedApp(client, rep.getSecret());
    }

    /** Gives the app a new secret; the old one stops working when the transaction commits. */
    public String regenerateSecret(ClientModel client) {
        String secret = SecretGenerator.getInstance().randomString(CLIENT_SECRET_LENGTH);
        client.setSecret(secret);
        client.setAttribute(
                ClientSecretConstants.CLIENT_SECRET_CREATION_TIME,
                String.valueOf(Time.currentTime()));
        return secret;
    }

    public void delete(ClientModel client) {
        new ClientManager(new RealmManager(session)).removeClient(realm, client);
    }

    public static long appIdOf(ClientModel client) {
        try {
            return Long.parseLong(client.getAttribute(APP_ID));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isOwnedApp(ClientModel client, UserModel owner) {
        return isApp(client) && owner.getId().equals(client.getAttribute(OWNER));
    }

    /** The Keycloak client an app registration becomes, with a new client id and secret. */
    ClientRepresentation clientFor(UserModel owner, AppRegistration registration) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(newClientId());
        rep.setSecret(SecretGenerator.getInstance().randomString(CLIENT_SECRET_LENGTH));
        rep.setName(registration.name());
        rep.setDescription(registration.description());
        rep.setBaseUrl(registration.website());
        rep.setRedirectUris(registration.redirectUris());
        rep.setWebOrigins(List.of());
        rep.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);

        rep.setPublicClient(false);
        rep.setBearerOnly(false);
        rep.setClientAuthenticatorType("client-secret");
        rep.setStandardFlowEnabled(true);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setServiceAccountsEnabled(false);
        rep.setConsentRequired(true);
        rep.setFullScopeAllowed(false);
        rep.setFrontchannelLogout(false);

        rep.setDefaultClientScopes(defaultClientScopes);
        rep.setOptionalClientScopes(registration.scopes());
        rep.setAttributes(attributesFor(owner, registration));
        return rep;
    }

    private Map<String, String> attributesFor(UserModel owner, AppRegistration registration) {
        long now = Time.currentTimeMillis();

        Map<String, String> attributes = new HashMap<>();
        attributes.put(APP_MARKER, "true");
        attributes.put(OWNER, owner.getId());
        attributes.put(APP_ID, String.valueOf(newAppId(owner, now)));
        attributes.put(ISSUED_AT, String.valueOf(now / 1000));
        attributes.put(REDIRECT_URIS, toJson(registration.redirectUris()));
        attributes.put(SCOPE, registration.scope());
        attributes.put(
                ClientSecretConstants.CLIENT_SECRET_CREATION_TIME, String.valueOf(now / 1000));
        attributes.put("use.refresh.tokens", "true");
        attributes.put("client.use.lightweight.access.token.enabled", "false");
        attributes.put("frontchannel.logout.session.required", "false");
        return attributes;
    }

    /**
     * A numeric id for FitTrackee's {@code /apps/<int:id>} routes: the creation time in
     * milliseconds times a thousand plus a random part, so ids grow with creation and stay below
     * 2^53, where JavaScript clients still read them exactly.
     */
    private long newAppId(UserModel owner, long nowMillis) {
        List<Long> taken = ownedBy(owner).stream().map(AppClients::appIdOf).toList();
        long appId;
        do {
            appId = nowMillis * 1000 + RANDOM.nextInt(1000);
        } while (taken.contains(appId));
        return appId;
    }

    private String newClientId() {
        String clientId;
        do {
            clientId = SecretGenerator.getInstance().randomString(CLIENT_ID_LENGTH);
        } while (realm.getClientByClientId(clientId) != null);
        return clientId;
    }

    private static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    /** An app just created; its secret is shown once, in the creation response. */
    public record CreatedApp(ClientModel client, String secret) {}
}
