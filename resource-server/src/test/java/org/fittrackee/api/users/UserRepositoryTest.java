package org.fittrackee.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.fittrackee.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserRepositoryTest extends ApiTest {

    @Autowired UserRepository users;

    @Test
    void aNameNoKeycloakUserCanHaveFindsNobody() {
        assertThat(users.findByUsername("a\u0000b")).isEmpty();
        assertThat(users.findByUsername("x".repeat(256))).isEmpty();
    }

    @Test
    void aUserWithoutWorkoutsHasEmptyStats() {
        User user = users.upsertFromToken("stats-subject", "stats-user", Role.USER, false);

        UserStats stats = users.statsOf(user.id());

        assertThat(stats.nbWorkouts()).isZero();
        assertThat(stats.sportIds()).isEmpty();
        assertThat(stats.totalDistance()).isZero();
    }
}
