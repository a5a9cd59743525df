package org.fittrackee.api.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fittrackee.api.http.FittrackeeException;
import org.fittrackee.api.http.Pagination;
import org.fittrackee.api.security.RequireAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FitTrackee's {@code /api/users}: the directory, a user's page, and account administration.
 * Identity (role, email, password) lives in Keycloak; here an admin only (de)activates the local
 * account, and a deletion removes the local user and their data.
 */
@RestController
public class UserController {

    private static final Logger LOG = LoggerFactory.getLogger(UserController.class);

    static final String USER_NOT_FOUND = "user does not exist";

    /** FitTrackee's answer to {@code "role": "owner"}, which only its command line may give. */
    static final String OWNER_VIA_API = "'owner' can not be set via API, please user CLI instead";

    /** The update keys whose data Keycloak owns, each with the reason to give. */
    private static final Map<String, String> KEYCLOAK_MANAGED = new LinkedHashMap<>();

    static {
        KEYCLOAK_MANAGED.put(
                "role",
                "roles are managed in Keycloak, please change them in the Keycloak admin console");
        KEYCLOAK_MANAGED.put(
                "new_email",
                "emails are managed in Keycloak, please change them in the Keycloak admin console");
        KEYCLOAK_MANAGED.put(
                "reset_password",
                "passwords are managed in Keycloak, please reset them in the Keycloak admin"
                        + " console");
    }

    private final UserRepository users;
    private final UserProfiles profiles;

    public UserController(UserRepository users, UserProfiles profiles) {
        this.users = users;
        this.profiles = profiles;
    }

    @GetMapping("/api/users")
    @RequireAuth(scope = "users:read")
    public Map<String, Object> directory(
            AuthenticatedUser caller, @RequestParam Map<String, String> parameters) {
        UserDirectoryQuery query = UserDirectoryQuery.from(parameters, caller.isAdmin());

        List<Map<String, Object>> page =
                users.directoryPage(query).stream()
                        .map(row -> UserJson.listed(row.user(), row.nbWorkouts(), caller.user()))
                        .toList();
        long total = users.directoryCount(query);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", Map.of("users", page));
        response.put("pagination", Pagination.of(query.page(), query.perPage(), total));
        return response;
    }

    @GetMapping("/api/users/{user_name}")
    @RequireAuth(scope = "users:read", optional = true)
    public Map<String, Object> user(
            AuthenticatedUser caller, @PathVariable("user_name") String userName) {
        User viewer = caller == null ? null : caller.user();
        User user =
                users.findByUsername(userName)
                        .filter(found -> found.isActive() || (caller != null && caller.isAdmin()))
                        .orElseThrow(() -> FittrackeeException.notFound(USER_NOT_FOUND));

        return withUser(profiles.page(user, viewer));
    }

    /**
     * NOTE: of FitTrackee's keys only {@code activate} is served; {@code role}, {@code new_email}
     * and {@code reset_password} are answered 400 with a message naming Keycloak, because role,
     * email and password belong to the Keycloak account and a local change would be overwritten by
     * the next token. Managing them here would need calls to Keycloak's admin API.
     */
    @PatchMapping("/api/users/{user_name}")
    @RequireAuth(scope = "users:write", role = Role.ADMIN)
    @Transactional
    public Map<String, Object> update(
            AuthenticatedUser caller,
            @PathVariable("user_name") String userName,
            @RequestBody(required = false) Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            throw FittrackeeException.invalidPayload();
        }
        Object activate = body.get("activate");
        if (Boolean.FALSE.equals(activate) && userName.equalsIgnoreCase(caller.user().username())) {
            throw FittrackeeException.forbidden();
        }
        if ("owner".equals(body.get("role"))) {
            throw FittrackeeException.badRequest(OWNER_VIA_API);
        }
        refuseKeycloakManaged(body);
        if (activate != null && !(activate instanceof Boolean)) {
            throw FittrackeeException.badRequest("activate must be true or false");
        }

        User user =
                users.findByUsername(userName)
                        .orElseThrow(() -> FittrackeeException.notFound(USER_NOT_FOUND));
        if (Boolean.FALSE.equals(activate) && user.id() == caller.id()) {
            throw FittrackeeException.forbidden();
        }
        if (user.role() == Role.OWNER) {
            throw FittrackeeException.badRequest("user with owner rights can not be modified");
        }

        if (activate != null) {
            users.setActive(user.id(), (Boolean) activate);
            LOG.info(
                    "User {} {} by admin {}",
                    user.id(),
                    (Boolean) activate ? "activated" : "deactivated",
                    caller.id());
            user = users.findById(user.id()).orElseThrow();
        }
        return withUser(profiles.page(user, caller.user()));
    }

    /**
     * NOTE: the Keycloak account is not deleted, only the local user and their data; the user's
     * next call with a valid token makes a new, empty local user. Deleting the Keycloak account too
     * would need a call to Keycloak's admin API.
     */
    @DeleteMapping("/api/users/{user_name}")
    @RequireAuth(scope = "users:write", allowSuspended = true)
    @Transactional
    public ResponseEntity<Void> delete(
            AuthenticatedUser caller, @PathVariable("user_name") String userName) {
        User user =
                users.findByUsername(userName)
                        .orElseThrow(() -> FittrackeeException.notFound(USER_NOT_FOUND));
        boolean self = user.id() == caller.id();
        if (!self && user.role() == Role.OWNER) {
            throw FittrackeeException.forbidden("you can not delete owner account");
        }
        if (!self && !caller.isAdmin()) {
            throw FittrackeeException.forbidden();
        }
        // NOTE: "no other admin" counts the admins known here: users who called the API, with
        // the role of their last token. Keycloak may know admins who never did. Asking
        // Keycloak's admin API for the realm role's members would count them all.
        if (user.role().isAtLeast(Role.ADMIN) && users.lockAdmins().size() == 1) {
            throw FittrackeeException.forbidden(
                    "you can not delete your account, no other user has admin rights");
        }

        users.delete(user.id());
        LOG.info("User {} deleted by user {}", user.id(), caller.id());
        return ResponseEntity.noContent().build();
    }

    private static void refuseKeycloakManaged(Map<String, Object> body) {
        for (Map.Entry<String, String> managed : KEYCLOAK_MANAGED.entrySet()) {
            Object value = body.get(managed.getKey());
            if (value != null && !Boolean.FALSE.equals(value)) {
                throw FittrackeeException.badRequest(managed.getValue());
            }
        }
    }

    private static Map<String, Object> withUser(Map<String, Object> user) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", Map.of("users", List.of(user)));
        return response;
    }
}
