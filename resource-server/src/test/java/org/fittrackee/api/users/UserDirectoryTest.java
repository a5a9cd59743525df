package org.fittrackee.api.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code GET /api/users}: each test names its users with a prefix of its own and searches it. */
class UserDirectoryTest extends ApiTest {

    @Autowired JdbcClient jdbc;

    private String prefix;

    @BeforeEach
    void newPrefix() {
        prefix = "dir" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void aUserListsTheDirectoryWithUsersRead() throws Exception {
        TestToken caller = userWith("users:read");
        listed("alice");

        mvc.perform(directory(caller).param("q", prefix))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("success"))
                .andExpect(jsonPath("$.data.users[0].username").value(prefix + "alice"))
                .andExpect(jsonPath("$.data.users[0].role").value("user"))
                .andExpect(jsonPath("$.data.users[0].nb_workouts").value(0))
                .andExpect(jsonPath("$.data.users[0].follows").value("false"))
                .andExpect(jsonPath("$.data.users[0].is_followed_by").value("false"))
                .andExpect(jsonPath("$.data.users[0].blocked").value(false))
                .andExpect(jsonPath("$.data.users[0].email").doesNotExist())
                .andExpect(jsonPath("$.data.users[0].is_active").doesNotExist())
                .andExpect(jsonPath("$.data.users[0].bio").doesNotExist())
                .andExpect(jsonPath("$.pagination.total").value(1))
                .andExpect(jsonPath("$.pagination.page").value(1))
                .andExpect(jsonPath("$.pagination.pages").value(1))
                .andExpect(jsonPath("$.pagination.has_next").value(false))
                .andExpect(jsonPath("$.pagination.has_prev").value(false));
    }

    @Test
    void listingNeedsUsersRead() throws Exception {
        mvc.perform(directory(userWith("users:write")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
    }

    @Test
    void aSuspendedUserCannotList() throws Exception {
        mvc.perform(directory(userWith("users:read", "suspended")))
                .andExpect(status().isForbidden())
                .andExpect(
                        jsonPath("$.message")
                                .value("you do not have permissions, your account is suspended"));
    }

    @Test
    void moderatorsSeeEmailAndAccountState() throws Exception {
        listed("bob");

        mvc.perform(directory(userWith("users:read", "moderator")).param("q", prefix))
                .andExpect(jsonPath("$.data.users[0].is_active").value(true))
                .andExpect(jsonPath("$.data.users[0].email").hasJsonPath());
    }

    @Test
    void hiddenInactiveAndSuspendedUsersAreLeftOut() throws Exception {
        listed("visible");
        known("hidden");
        setColumn(listed("inactive"), "is_active", false);
        listed("suspended", "suspended");

        mvc.perform(directory(userWith("users:read")).param("q", prefix))
                .andExpect(jsonPath("$.data.users[*].username", contains(prefix + "visible")));
        mvc.perform(
                        directory(userWith("users:read"))
                                .param("q", prefix)
                                .param("with_inactive", "true")
                                .param("with_suspended", "true")
                                .param("with_hidden", "true"))
                .andExpect(jsonPath("$.data.users[*].username", contains(prefix + "visible")));
    }

    @Test
    void adminsMayListHiddenInactiveAndSuspendedUsers() throws Exception {
        TestToken admin = userWith("users:read", "admin");
        listed("visible");
        known("hidden");
        setColumn(listed("inactive"), "is_active", false);
        listed("suspended", "suspended");

        mvc.perform(directory(admin).param("q", prefix))
                .andExpect(jsonPath("$.pagination.total").value(1));
        mvc.perform(directory(admin).param("q", prefix).param("with_hidden", "TRUE"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(prefix + "hidden", prefix + "visible")));
        mvc.perform(directory(admin).param("q", prefix).param("with_inactive", "true"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(prefix + "inactive", prefix + "visible")));
        mvc.perform(directory(admin).param("q", prefix).param("with_suspended", "true"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(prefix + "suspended", prefix + "visible")));
    }

    @Test
    void theSearchIsCaseInsensitive() throws Exception {
        listed("Carol");
        listed("dave");

        mvc.perform(directory(userWith("users:read")).param("q", prefix.toUpperCase() + "CAR"))
                .andExpect(jsonPath("$.data.users[*].username", contains(prefix + "Carol")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "\\", "'", "' OR '1'='1", "%' --", "\\%"})
    void searchWildcardsAndQuotesAreTakenLiterally(String search) throws Exception {
        listed("plain");

        mvc.perform(directory(userWith("users:read")).param("q", prefix + search))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.users", empty()))
                .andExpect(jsonPath("$.pagination.total").value(0))
                .andExpect(jsonPath("$.pagination.pages").value(0));
    }

    @Test
    void aSearchForAWildcardFindsTheNameWithIt() throws Exception {
        listed("a_b");
        listed("axb");

        mvc.perform(directory(userWith("users:read")).param("q", prefix + "a_"))
                .andExpect(jsonPath("$.data.users[*].username", contains(prefix + "a_b")));
    }

    @Test
    void aNulInTheSearchIsRefused() throws Exception {
        mvc.perform(directory(userWith("users:read")).param("q", "a\u0000b"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid value for q"));
    }

    @Test
    void pagesFollowPerPage() throws Exception {
        for (String name : List.of("u1", "u2", "u3", "u4", "u5")) {
            listed(name);
        }
        TestToken caller = userWith("users:read");

        mvc.perform(directory(caller).param("q", prefix).param("per_page", "2"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username", contains(prefix + "u1", prefix + "u2")))
                .andExpect(jsonPath("$.pagination.has_next").value(true))
                .andExpect(jsonPath("$.pagination.has_prev").value(false))
                .andExpect(jsonPath("$.pagination.pages").value(3))
                .andExpect(jsonPath("$.pagination.total").value(5));
        mvc.perform(directory(caller).param("q", prefix).param("per_page", "2").param("page", "3"))
                .andExpect(jsonPath("$.data.users[*].username", contains(prefix + "u5")))
                .andExpect(jsonPath("$.pagination.has_next").value(false))
                .andExpect(jsonPath("$.pagination.has_prev").value(true));
        mvc.perform(directory(caller).param("q", prefix).param("page", "9"))
                .andExpect(jsonPath("$.data.users", empty()))
                .andExpect(jsonPath("$.pagination.page").value(9))
                .andExpect(jsonPath("$.pagination.total").value(5));
    }

    @Test
    void perPageIsCappedAtFifty() throws Exception {
        TestToken caller = userWith("users:read", "admin");
        for (int i = 0; i < 51; i++) {
            known(String.format("n%02d", i));
        }

        mvc.perform(
                        directory(caller)
                                .param("q", prefix)
                                .param("with_hidden", "true")
                                .param("per_page", "1000"))
                .andExpect(jsonPath("$.data.users.length()").value(50))
                .andExpect(jsonPath("$.pagination.pages").value(2))
                .andExpect(jsonPath("$.pagination.total").value(51));
    }

    @Test
    void theDefaultPageHoldsTen() throws Exception {
        TestToken caller = userWith("users:read", "admin");
        for (int i = 0; i < 11; i++) {
            known(String.format("n%02d", i));
        }

        mvc.perform(directory(caller).param("q", prefix).param("with_hidden", "true"))
                .andExpect(jsonPath("$.data.users.length()").value(10))
                .andExpect(jsonPath("$.pagination.has_next").value(true));
    }

    @Test
    void usersAreOrderedByWorkoutCount() throws Exception {
        TestToken few = listed("few");
        TestToken many = listed("many");
        listed("none");
        addWorkouts(few, 1);
        addWorkouts(many, 3);

        mvc.perform(
                        directory(userWith("users:read"))
                                .param("q", prefix)
                                .param("order_by", "workouts_count")
                                .param("order", "desc"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(prefix + "many", prefix + "few", prefix + "none")))
                .andExpect(jsonPath("$.data.users[0].nb_workouts").value(3));
    }

    @Test
    void usersAreOrderedByRoleThenName() throws Exception {
        listed("b-admin", "admin");
        listed("a-user");
        listed("c-moderator", "moderator");
        listed("a-admin", "admin");

        mvc.perform(directory(userWith("users:read")).param("q", prefix).param("order_by", "role"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(
                                        prefix + "a-user",
                                        prefix + "c-moderator",
                                        prefix + "a-admin",
                                        prefix + "b-admin")));
    }

    @Test
    void usersAreOrderedByCreationOrActiveState() throws Exception {
        TestToken admin = userWith("users:read", "admin");
        listed("second-b");
        listed("first-a");
        setColumn(listed("third-c"), "is_active", false);

        mvc.perform(
                        directory(admin)
                                .param("q", prefix)
                                .param("order_by", "created_at")
                                .param("order", "desc"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(prefix + "first-a", prefix + "second-b")));
        mvc.perform(
                        directory(admin)
                                .param("q", prefix)
                                .param("order_by", "is_active")
                                .param("with_inactive", "true"))
                .andExpect(
                        jsonPath(
                                "$.data.users[*].username",
                                contains(
                                        prefix + "third-c",
                                        prefix + "first-a",
                                        prefix + "second-b")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order_by=email",
                "order_by=username; DROP TABLE users",
                "order_by=",
                "order=sideways",
                "page=abc",
                "per_page=1e3",
                "page=99999999999"
            })
    void invalidQueryParametersAreRefused(String parameter) throws Exception {
        String name = parameter.substring(0, parameter.indexOf('='));
        String value = parameter.substring(parameter.indexOf('=') + 1);

        mvc.perform(directory(userWith("users:read")).param(name, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("invalid value for " + name));
    }

    @Test
    void nonPositivePagesFallBackToTheDefaults() throws Exception {
        listed("only");

        mvc.perform(
                        directory(userWith("users:read"))
                                .param("q", prefix)
                                .param("page", "0")
                                .param("per_page", "-5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pagination.page").value(1))
                .andExpect(jsonPath("$.data.users.length()").value(1));
    }

    private MockHttpServletRequestBuilder directory(TestToken caller) {
        return get("/api/users").with(caller.asBearer());
    }

    /** A user who called the API once and is hidden from the directory, as by default. */
    private TestToken known(String name, String... roles) throws Exception {
        TestToken token =
                new TestToken(
                        UUID.randomUUID().toString(),
                        prefix + name,
                        "profile:read",
                        List.of(roles));
        mvc.perform(get("/api/auth/profile").with(token.asBearer()));
        return token;
    }

    /** A user who called the API once and shows their profile in the directory. */
    private TestToken listed(String name, String... roles) throws Exception {
        TestToken token = known(name, roles);
        setColumn(token, "hide_profile_in_users_directory", false);
        return token;
    }

    private void setColumn(TestToken token, String column, boolean value) {
        String sql =
                switch (column) {
                    case "is_active" -> "UPDATE users SET is_active = :value";
                    case "hide_profile_in_users_directory" ->
                            "UPDATE users SET hide_profile_in_users_directory = :value";
                    default -> throw new IllegalArgumentException(column);
                };
        jdbc.sql(sql + " WHERE subject = :subject")
                .param("value", value)
                .param("subject", token.subject())
                .update();
    }

    private void addWorkouts(TestToken token, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql(
                            """
                            INSERT INTO workouts (uuid, user_id, sport_id, workout_date, duration,
                                distance)
                            SELECT gen_random_uuid(), id, 1, now(), 60, 1
                            FROM users WHERE subject = :subject
                            """)
                    .param("subject", token.subject())
                    .update();
        }
    }
}
