package org.fittrackee.keycloak.apps;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fittrackee.keycloak.http.FittrackeeErrors;
import org.fittrackee.keycloak.scopes.FittrackeeScopes;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * FitTrackee's apps API, {@code /api/oauth/apps}, served under {@code
 * /realms/{realm}/fittrackee/api/oauth/apps}. Every route needs a first-party token and reaches
 * only the caller's own apps: another user's app is "not found" on every route.
 */
public class AppsResource {

    static final String APP_NOT_FOUND = "OAuth2 client not found";
    static final int APPS_PER_PAGE = 5;

    private static final Logger LOG = Logger.getLogger(AppsResource.class);

    private final KeycloakSession session;
    private final AppsSettings settings;
    private final AppClients apps;

    public AppsResource(KeycloakSession session, AppsSettings settings) {
        this.session = session;
        this.settings = settings;
        this.apps =
                new AppClients(
                        session,
                        session.getContext().getRealm(),
                        settings.appDefaultClientScopes());
    }

    @GET
    @Path("api/oauth/apps")
    public Response list(@QueryParam("page") String page) {
        FirstPartyCaller caller = authenticate();
        int pageNumber = pageNumberOf(page);

        List<ClientModel> owned = apps.ownedBy(caller.user());
        int total = owned.size();
        int pages = (total + APPS_PER_PAGE - 1) / APPS_PER_PAGE;
        List<Map<String, Object>> clients =
                owned.stream()
                        .skip((long) (pageNumber - 1) * APPS_PER_PAGE)
                        .limit(APPS_PER_PAGE)
                        .map(AppRepresentation::of)
                        .toList();

        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("has_next", pageNumber < pages);
        pagination.put("has_prev", pageNumber > 1);
        pagination.put("page", pageNumber);
        pagination.put("pages", pages);
        pagination.put("total", total);

        Map<String, Object> body = success(Map.of("clients", clients));
        body.put("pagination", pagination);
        return json(Response.Status.OK, body);
    }

    @POST
    @Path("api/oauth/apps")
    public Response create(String body) {
        FirstPartyCaller caller = authenticate();
        if (caller.isSuspended()) {
            throw FittrackeeErrors.forbidden(FittrackeeErrors.SUSPENDED);
        }

        AppRegistration registration = registrationOf(body);
        boolean wantsApplicationWrite =
                registration.scopes().contains(FittrackeeScopes.APPLICATION_WRITE);
        if (wantsApplicationWrite && !caller.isAdmin()) {
            throw FittrackeeErrors.forbidden(FittrackeeErrors.NO_PERMISSIONS);
        }
        requireRealmScopes(registration.scopes());

        AppClients.CreatedApp created = apps.create(caller.user(), registration);
        LOG.infof(
                "App %s (client %s) registered by user %s with scope '%s'",
                AppClients.appIdOf(created.client()),
                created.client().getClientId(),
                caller.user().getId(),
                registration.scope());

        Map<String, Object> client =
                AppRepresentation.withSecret(created.client(), created.secret());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "created");
        response.put("data", Map.of("client", client));
        return noStore(json(Response.Status.CREATED, response));
    }

    @GET
    @Path("api/oauth/apps/{client_id}")
    public Response getByClientId(@PathParam("client_id") String clientId) {
        FirstPartyCaller caller = authenticate();
        ClientModel app =
                apps.findByClientId(caller.user(), clientId)
                        .orElseThrow(() -> FittrackeeErrors.notFound(APP_NOT_FOUND));
        return json(Response.Status.OK, success(Map.of("client", AppRepresentation.of(app))));
    }

    @GET
    @Path("api/oauth/apps/{id}/by_id")
    public Response getById(@PathParam("id") String id) {
        FirstPartyCaller caller = authenticate();
        ClientModel app = ownedApp(caller, id);
        return json(Response.Status.OK, success(Map.of("client", AppRepresentation.of(app))));
    }

    @DELETE
    @Path("api/oauth/apps/{id}")
    public Response delete(@PathParam("id") String id) {
        FirstPartyCaller caller = authenticate();
        ClientModel app = ownedApp(caller, id);

        apps.delete(app);
        LOG.infof(
                "App %s (client %s) deleted by its owner %s",
                id, app.getClientId(), caller.user().getId());
        return Response.noContent().build();
    }

    @POST
    @Path("api/oauth/apps/{id}/revoke")
    public Response revokeAllTokens(@PathParam("id") String id) {
        FirstPartyCaller caller = authenticate();
        ClientModel app = ownedApp(caller, id);

        int users = new AppTokenRevocation(session).revokeAll(app);
        LOG.infof(
                "All tokens of app %s (client %s) revoked by its owner %s; %d users had tokens",
                id, app.getClientId(), caller.user().getId(), users);
        return json(Response.Status.OK, Map.of("status", "success"));
    }

    @POST
    @Path("api/oauth/apps/{id}/regenerate_secret")
    public Response regenerateSecret(@PathParam("id") String id) {
        FirstPartyCaller caller = authenticate();
        ClientModel app = ownedApp(caller, id);

        String secret = apps.regenerateSecret(app);
        LOG.infof(
                "Secret of app %s (client %s) regenerated by its owner %s",
                id, app.getClientId(), caller.user().getId());
        Map<String, Object> client = AppRepresentation.withSecret(app, secret);
        return noStore(json(Response.Status.OK, success(Map.of("client", client))));
    }

    private static AppRegistration registrationOf(String body) {
        try {
            return AppRegistrationParser.parse(body);
        } catch (InvalidRegistrationException e) {
            throw FittrackeeErrors.badRequest(e.getMessage());
        }
    }

    private FirstPartyCaller authenticate() {
        return FirstPartyCaller.authenticate(session, settings.firstPartyClientIds());
    }

    private ClientModel ownedApp(FirstPartyCaller caller, String id) {
        long appId;
        try {
            appId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw FittrackeeErrors.notFound(APP_NOT_FOUND);
        }
        return apps.findByAppId(caller.user(), appId)
                .orElseThrow(() -> FittrackeeErrors.notFound(APP_NOT_FOUND));
    }

    private static int pageNumberOf(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int pageNumber = Integer.parseInt(page.trim());
            if (pageNumber >= 1) {
                return pageNumber;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw FittrackeeErrors.badRequest("page must be a positive integer");
    }

    /** The realm must define every scope an app is given; a missing one is a setup error. */
    private void requireRealmScopes(List<String> appScopes) {
        Set<String> needed = new LinkedHashSet<>(settings.appDefaultClientScopes());
        needed.addAll(appScopes);
        for (String scope : needed) {
            if (KeycloakModelUtils.getClientScopeByName(session.getContext().getRealm(), scope)
                    == null) {
                LOG.errorf(
                        "Cannot register an app in realm %s: client scope '%s' is missing;"
                                + " import realm-config/fittrackee-realm.json or create it",
                        session.getContext().getRealm().getName(), scope);
                throw FittrackeeErrors.serverError();
            }
        }
    }

    private static Map<String, Object> success(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("data", data);
        return body;
    }

    private static Response json(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Response noStore(Response response) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.fromResponse(response)
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }
}
