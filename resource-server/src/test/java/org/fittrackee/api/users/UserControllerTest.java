package org.fittrackee.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/** A user's page, and account administration: {@code /api/users/<user_name>}. */
class UserControllerTest extends ApiTest {

    private static final String NOT_FOUND = "user does not exist";

    @Autowired JdbcClient jdbc;

    // GET /api/users/<user_name>

    @Test
    void aUserReadsAnotherUsersPageWithUsersRead() throws Exception {
        TestToken target = known("profile:write");
        editProfile(
                target,
                "{\"first_name\":\"Ada\",\"last_name\":null,\"bio\":\"Hi\","
                        + "\"birth_date\":null,\"location\":null}");
        addWorkout(target, 5, 12.5, 3725, 100);

        mvc.perform(
                        get("/api/users/{name}", target.username())
                                .with(userWith("users:read").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.data.users[0].username").value(target.username()))
                .andExpect(jsonPath("$.data.users[0].first_name").value("Ada"))
                .andExpect(jsonPath("$.data.users[0].bio").value("Hi"))
                .andExpect(jsonPath("$.data.users[0].nb_workouts").value(1))
                .andExpect(jsonPath("$.data.users[0].nb_sports").value(1))
                .andExpect(jsonPath("$.data.users[0].sports_list[0]").value(5))
                .andExpect(jsonPath("$.data.users[0].total_distance").value(12.5))
                .andExpect(jsonPath("$.data.users[0].total_ascent").value(100.0))
                .andExpect(jsonPath("$.data.users[0].total_duration").value("1:02:05"))
                .andExpect(jsonPath("$.data.users[0].records").isArray())
                .andExpect(jsonPath("$.data.users[0].follows").value("false"))
                .andExpect(jsonPath("$.data.users[0].email").doesNotExist())
                .andExpect(jsonPath("$.data.users[0].email_to_confirm").doesNotExist())
                .andExpect(jsonPath("$.data.users[0].timezone").doesNotExist());
    }

    @Test
    void theNameIsMatchedCaseInsensitively() throws Exception {
        TestToken target = known("profile:read");

        mvc.perform(
                        get("/api/users/{name}", target.username().toUpperCase())
                                .with(userWith("users:read").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.users[0].username").value(target.username()));
    }

    @Test
    void anonymousCallersSeeTheLightForm() throws Exception {
        TestToken target = known("profile:read");

        mvc.perform(get("/api/users/{name}", target.username()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.users[0].username").value(target.username()))
                .andExpect(jsonPath("$.data.users[0].nb_workouts").value(0))
                .andExpect(jsonPath("$.data.users[0].bio").doesNotExist())
                .andExpect(jsonPath("$.data.users[0].follows").doesNotExist())
                .andExpect(jsonPath("$.data.users[0].is_active").doesNotExist());
    }

    @Test
    void readingAUserNeedsUsersRead() throws Exception {
        TestToken target = known("profile:read");

        mvc.perform(
                        get("/api/users/{name}", target.username())
                                .with(userWith("profile:read").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void anInvalidTokenIsRefusedEvenThoughAnonymousCallsAreAllowed() throws Exception {
        mvc.perform(get("/api/users/anyone").header("Authorization", "Bearer invalid"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_token"));
    }

    @Test
    void aUserReadingTheirOwnPageGetsTheirProfile() throws Exception {
        TestToken token = userWith("users:read");

        mvc.perform(get("/api/users/{name}", token.username()).with(token.asBearer()))
                .andExpect(jsonPath("$.data.users[0].timezone").value("Europe/Paris"))
                .andExpect(jsonPath("$.data.users[0].is_active").value(true))
                .andExpect(jsonPath("$.data.users[0].email_to_confirm").hasJsonPath())
                .andExpect(jsonPath("$.data.users[0].follows").doesNotExist());
    }

    @Test
    void moderatorsAndAdminsSeeMore() throws Exception {
        TestToken target = known("profile:read");

        mvc.perform(
                        get("/api/users/{name}", target.username())
                                .with(userWith("users:read", "moderator").asBearer()))
                .andExpect(jsonPath("$.data.users[0].is_active").value(true))
                .andExpect(jsonPath("$.data.users[0].email").hasJsonPath())
                .andExpect(jsonPath("$.data.users[0].sanctions_count").value(0))
                .andExpect(jsonPath("$.data.users[0].email_to_confirm").doesNotExist());
        mvc.perform(
                        get("/api/users/{name}", target.username())
                                .with(userWith("users:read", "admin").asBearer()))
                .andExpect(jsonPath("$.data.users[0].email_to_confirm").hasJsonPath());
    }

    @Test
    void anInactiveUserIsFoundByAdminsOnly() throws Exception {
        TestToken target = known("profile:read");
        deactivate(target);

        mvc.perform(
                        get("/api/users/{name}", target.username())
                                .with(userWith("users:read").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(NOT_FOUND));
        mvc.perform(get("/api/users/{name}", target.username())).andExpect(status().isNotFound());
        mvc.perform(
                        get("/api/users/{name}", target.username())
                                .with(userWith("users:read", "admin").asBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.users[0].is_active").value(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody-at-all", "known-_", "known-.*", "' OR '1'='1"})
    void anUnknownUserIsNotFound(String name) throws Exception {
        known("profile:read");

        mvc.perform(get("/api/users/{name}", name).with(userWith("users:read").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value("not found"))
                .andExpect(jsonPath("$.message").value(NOT_FOUND));
    }

    @Test
    void anOverlongNameIsNotFound() throws Exception {
        mvc.perform(
                        get("/api/users/{name}", "x".repeat(5000))
                                .with(userWith("users:read").asBearer()))
                .andExpect(status().isNotFound());
    }

    // PATCH /api/users/<user_name>

    @Test
    void anAdminDeactivatesAUserWhoseTokensThenFail() throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:write", "admin"), target, "{\"activate\": false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.data.users[0].username").value(target.username()))
                .andExpect(jsonPath("$.data.users[0].is_active").value(false));

        mvc.perform(get("/api/auth/profile").with(target.asBearer()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("provide a valid auth token"));
    }

    @Test
    void anAdminReactivatesAUser() throws Exception {
        TestToken target = known("profile:read");
        deactivate(target);

        update(userWith("users:write", "admin"), target, "{\"activate\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.users[0].is_active").value(true));
        mvc.perform(get("/api/auth/profile").with(target.asBearer())).andExpect(status().isOk());
    }

    @Test
    void updatingAUserNeedsUsersWrite() throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:read", "admin"), target, "{\"activate\": false}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
        assertThat(isActive(target)).isTrue();
    }

    @Test
    void onlyAdminsUpdateUsers() throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:write", "moderator"), target, "{\"activate\": false}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
        assertThat(isActive(target)).isTrue();
    }

    @Test
    void aSuspendedAdminCannotUpdateUsers() throws Exception {
        update(
                        userWith("users:write", "admin", "suspended"),
                        known("profile:read"),
                        "{\"activate\": false}")
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }

    @Test
    void anAdminCannotDeactivateThemselves() throws Exception {
        TestToken admin = userWith("users:write", "admin");

        update(admin, admin, "{\"activate\": false}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
        assertThat(isActive(admin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"role\": \"admin\"}",
                "{\"new_email\": \"new@example.org\"}",
                "{\"reset_password\": true}",
                "{\"activate\": false, \"role\": \"moderator\"}"
            })
    void identityIsManagedInKeycloak(String body) throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:write", "admin"), target, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(jsonPath("$.message").value(containsString("Keycloak")));
        assertThat(isActive(target)).isTrue();
    }

    @Test
    void theOwnerRoleGetsFittrackeesOwnMessageAndNothingChanges() throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:write", "admin"), target, "{\"role\": \"owner\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value("error"))
                .andExpect(
                        jsonPath("$.message")
                                .value("'owner' can not be set via API, please user CLI instead"));
        update(
                        userWith("users:write", "admin"),
                        target,
                        "{\"activate\": false, \"role\": \"owner\"}")
                .andExpect(
                        jsonPath("$.message")
                                .value("'owner' can not be set via API, please user CLI instead"));
        assertThat(isActive(target)).isTrue();
    }

    @Test
    void anAdminDeactivatingThemselvesIsRefusedBeforeTheRoleIsLookedAt() throws Exception {
        TestToken admin = userWith("users:write", "admin");

        update(admin, admin, "{\"activate\": false, \"role\": \"owner\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
    }

    @Test
    void anOwnerCannotBeModified() throws Exception {
        TestToken owner = known("profile:read", "owner");

        update(userWith("users:write", "admin"), owner, "{\"activate\": false}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.message").value("user with owner rights can not be modified"));
        assertThat(isActive(owner)).isTrue();
    }

    @Test
    void updatingAnUnknownUserIsNotFound() throws Exception {
        mvc.perform(
                        patch("/api/users/nobody-at-all")
                                .with(userWith("users:write", "admin").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"activate\": true}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(NOT_FOUND));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "{}", "[]", "not json", "{\"activate\": \"no\"}", "{\"activate\": 0}"})
    void aBadUpdateBodyIsRefused(String body) throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:write", "admin"), target, body).andExpect(status().isBadRequest());
        assertThat(isActive(target)).isTrue();
    }

    @Test
    void unknownKeysChangeNothing() throws Exception {
        TestToken target = known("profile:read");

        update(userWith("users:write", "admin"), target, "{\"is_admin\": true, \"role\": null}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.users[0].role").value("user"));
    }

    // DELETE /api/users/<user_name>

    @Test
    void aUserDeletesTheirOwnAccountAndData() throws Exception {
        TestToken token = userWith("users:write");
        register(token);
        addWorkout(token, 1, 10, 600, 0);

        mvc.perform(delete("/api/users/{name}", token.username()).with(token.asBearer()))
                .andExpect(status().isNoContent());

        assertThat(rowCount("SELECT count(*) FROM users WHERE subject = :subject", token)).isZero();
        assertThat(
                        rowCount(
                                "SELECT count(*) FROM workouts w JOIN users u ON u.id = w.user_id"
                                        + " WHERE u.subject = :subject",
                                token))
                .isZero();
    }

    @Test
    void deletingNeedsUsersWrite() throws Exception {
        TestToken token = userWith("users:read");
        register(token);

        mvc.perform(delete("/api/users/{name}", token.username()).with(token.asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
        assertThat(rowCount("SELECT count(*) FROM users WHERE subject = :subject", token)).isOne();
    }

    @Test
    void aSuspendedUserMayDeleteTheirAccount() throws Exception {
        TestToken token = userWith("users:write", "suspended");
        register(token);

        mvc.perform(delete("/api/users/{name}", token.username()).with(token.asBearer()))
                .andExpect(status().isNoContent());
    }

    @Test
    void aUserCannotDeleteAnotherAccount() throws Exception {
        TestToken target = known("profile:read");

        mvc.perform(
                        delete("/api/users/{name}", target.username())
                                .with(userWith("users:write", "moderator").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you do not have permissions"));
        assertThat(rowCount("SELECT count(*) FROM users WHERE subject = :subject", target)).isOne();
    }

    @Test
    void anAdminDeletesAnotherAccount() throws Exception {
        TestToken target = known("profile:read", "admin");

        mvc.perform(
                        delete("/api/users/{name}", target.username().toUpperCase())
                                .with(userWith("users:write", "admin").asBearer()))
                .andExpect(status().isNoContent());
        assertThat(rowCount("SELECT count(*) FROM users WHERE subject = :subject", target))
                .isZero();
    }

    @Test
    void nobodyDeletesTheOwnersAccount() throws Exception {
        TestToken owner = known("profile:read", "owner");

        mvc.perform(
                        delete("/api/users/{name}", owner.username())
                                .with(userWith("users:write", "admin").asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("you can not delete owner account"));
        assertThat(rowCount("SELECT count(*) FROM users WHERE subject = :subject", owner)).isOne();
    }

    @Test
    void theOwnerMayDeleteTheirOwnAccountWhenAnotherAdminRemains() throws Exception {
        known("profile:read", "admin");
        TestToken owner = userWith("users:write", "owner");
        register(owner);

        mvc.perform(delete("/api/users/{name}", owner.username()).with(owner.asBearer()))
                .andExpect(status().isNoContent());
    }

    @Test
    void theLastAdminCannotDeleteTheirAccount() throws Exception {
        TestToken admin = userWith("users:write", "admin");
        register(admin);
        jdbc.sql(
                        "UPDATE users SET role = 'user' WHERE role IN ('admin', 'owner') AND"
                                + " subject <> :s")
                .param("s", admin.subject())
                .update();

        mvc.perform(delete("/api/users/{name}", admin.username()).with(admin.asBearer()))
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value(
                                        "you can not delete your account, no other user has admin"
                                                + " rights"));
        assertThat(rowCount("SELECT count(*) FROM users WHERE subject = :subject", admin)).isOne();
    }

    @Test
    void deletingAnUnknownUserIsNotFound() throws Exception {
        mvc.perform(
                        delete("/api/users/nobody-at-all")
                                .with(userWith("users:write", "admin").asBearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(NOT_FOUND));
    }

    /** A new user who called the API once, with the given realm roles. */
    private TestToken known(String scope, String... roles) throws Exception {
        String subject = UUID.randomUUID().toString();
        TestToken token =
                new TestToken(subject, "known-" + subject.substring(0, 8), scope, List.of(roles));
        register(token);
        return token;
    }

    private void register(TestToken token) throws Exception {
        mvc.perform(get("/api/auth/profile").with(token.withScope("profile:read").asBearer()))
                .andExpect(status().isOk());
    }

    private void editProfile(TestToken token, String body) throws Exception {
        mvc.perform(
                        post("/api/auth/profile/edit")
                                .with(token.withScope("profile:write").asBearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isOk());
    }

    private ResultActions update(TestToken caller, TestToken target, String body) throws Exception {
        return mvc.perform(
                patch("/api/users/{name}", target.username())
                        .with(caller.asBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    private void deactivate(TestToken token) {
        jdbc.sql("UPDATE users SET is_active = FALSE WHERE subject = :subject")
                .param("subject", token.subject())
                .update();
    }

    private boolean isActive(TestToken token) {
        return jdbc.sql("SELECT is_active FROM users WHERE subject = :subject")
                .param("subject", token.subject())
                .query(Boolean.class)
                .single();
    }

    private long rowCount(String sql, TestToken token) {
        return jdbc.sql(sql).param("subject", token.subject()).query(Long.class).single();
    }

    private void addWorkout(
            TestToken token, int sportId, double distance, double moving, double ascent) {
        jdbc.sql(
                        """
                        INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration,
                            moving, distance, ascent)
                        SELECT gen_random_uuid(), id, :sportId, now(), :moving, :moving,
                            :distance, :ascent
                        FROM users WHERE subject = :subject
                        """)
                .param("sportId", sportId)
                .param("moving", moving)
                .param("distance", distance)
                .param("ascent", ascent)
                .param("subject", token.subject())
                .update();
    }
}
