package org.fittrackee.keycloak.apps;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves FitTrackee's apps API at {@code /realms/{realm}/fittrackee/api/oauth/apps}. */
public class AppsResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "fittrackee";

    private static final Logger LOG = Logger.getLogger(AppsResourceProviderFactory.class);

    private AppsSettings settings;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new AppsResourceProvider(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = AppsSettings.from(config);
        LOG.infof(
                "FitTrackee apps API: first-party clients %s, app default scopes %s",
                settings.firstPartyClientIds(), settings.appDefaultClientScopes());
    }

    /** FitTrackee deletes a user's apps with the user; so do we, in the same transaction. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(
                event -> {
                    if (event instanceof UserModel.UserPreRemovedEvent removal) {
                        deleteAppsOf(
                                removal.getKeycloakSession(),
                                removal.getRealm(),
                                removal.getUser());
                    }
                });
    }

    private void deleteAppsOf(KeycloakSession session, RealmModel realm, UserModel owner) {
        AppClients apps = new AppClients(session, realm, settings.appDefaultClientScopes());
        for (ClientModel app : apps.ownedBy(owner)) {
            apps.delete(app);
            LOG.infof(
                    "App %s (client %s) deleted with its owner %s",
                    AppClients.appIdOf(app), app.getClientId(), owner.getId());
        }
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AppsSettings.FIRST_PARTY_CLIENT_IDS)
                .type("string")
                .helpText("Comma-separated client ids whose tokens may manage apps")
                .defaultValue(AppsSettings.DEFAULT_FIRST_PARTY_CLIENT_IDS)
                .add()
                .property()
                .name(AppsSettings.APP_DEFAULT_CLIENT_SCOPES)
                .type("string")
                .helpText("Comma-separated client scopes given to every app as default scopes")
                .defaultValue(AppsSettings.DEFAULT_APP_CLIENT_SCOPES)
                .add()
                .build();
    }
}
