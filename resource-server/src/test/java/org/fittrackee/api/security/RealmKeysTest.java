package org.fittrackee.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** The bound on fetches of the realm's keys, with the clock given by the caller as Nimbus does. */
class RealmKeysTest {

    private static final JWKSetCacheRefreshEvaluator FORCE =
            JWKSetCacheRefreshEvaluator.forceRefresh();

    private final ScriptedRealm realm = new ScriptedRealm();
    private final RealmKeys keys = new RealmKeys(realm, Duration.ofSeconds(30));

    @Test
    void withinTheIntervalTheSetFetchedLastAnswersWithoutAskingTheRealm() throws Exception {
        JWKSet first = new JWKSet();
        realm.answers.add(first);

        assertThat(keys.getJWKSet(FORCE, 1_000, null)).isSameAs(first);
        assertThat(keys.getJWKSet(FORCE, 2_000, null)).isSameAs(first);
        assertThat(keys.getJWKSet(FORCE, 30_999, null)).isSameAs(first);

        assertThat(realm.fetches).isEqualTo(1);
    }

    @Test
    void onceTheIntervalHasPassedTheRealmIsAskedAgainAndANewKeyIsFound() throws Exception {
        JWKSet first = new JWKSet();
        JWKSet rotated = new JWKSet();
        realm.answers.add(first);
        realm.answers.add(rotated);

        keys.getJWKSet(FORCE, 1_000, null);

        assertThat(keys.getJWKSet(FORCE, 31_000, null)).isSameAs(rotated);
        assertThat(realm.fetches).isEqualTo(2);
    }

    @Test
    void aFailureIsReportedAgainWithinTheIntervalWithoutAskingTheRealm() {
        realm.failures.add(new RemoteKeySourceException("connection refused", null));

        assertThatThrownBy(() -> keys.getJWKSet(FORCE, 1_000, null))
                .isInstanceOf(RemoteKeySourceException.class)
                .hasMessage("connection refused");
        assertThatThrownBy(() -> keys.getJWKSet(FORCE, 2_000, null))
                .isInstanceOf(RemoteKeySourceException.class)
                .hasMessageContaining("connection refused");

        assertThat(realm.fetches).isEqualTo(1);
    }

    @Test
    void afterAFailureTheSetFetchedBeforeStillAnswersWithinTheInterval() throws Exception {
        JWKSet first = new JWKSet();
        realm.answers.add(first);
        keys.getJWKSet(FORCE, 1_000, null);
        realm.failures.add(new RemoteKeySourceException("read timed out", null));

        assertThatThrownBy(() -> keys.getJWKSet(FORCE, 40_000, null))
                .isInstanceOf(RemoteKeySourceException.class);
        assertThat(keys.getJWKSet(FORCE, 41_000, null)).isSameAs(first);
        assertThat(realm.fetches).isEqualTo(2);
    }

    /** A realm answering the sets, or failing with the exceptions, given, and counting fetches. */
    private static final class ScriptedRealm implements JWKSetSource<SecurityContext> {

        final Deque<JWKSet> answers = new ArrayDeque<>();
        final Deque<KeySourceException> failures = new ArrayDeque<>();
        int fetches;

        @Override
        public JWKSet getJWKSet(
                JWKSetCacheRefreshEvaluator refresh, long now, SecurityContext context)
                throws KeySourceException {
            fetches++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return answers.poll();
        }

        @Override
        public void close() {}
    }
}
