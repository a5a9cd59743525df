package org.fittrackee.api.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.time.Duration;

/**
 * The realm's key set, fetched from Keycloak at most once per interval. Nimbus asks for a fresh set
 * whenever a token names a key id the cached set lacks, so without this bound every token with a
 * made-up {@code kid} would cost a request to Keycloak. Within the interval the set fetched last
 * answers, and a token naming a key it lacks is refused as invalid; when no set could be fetched,
 * the failure is reported again without asking, and the token gets the 503 of keys unreachable.
 *
 * <p>NOTE: a key that Keycloak starts signing with is found on the first token naming it, unless
 * the keys were fetched within the interval: tokens signed with it are then refused until the
 * interval has passed. The bound is what stops made-up key ids; a signal from Keycloak when its
 * keys change would lift the wait.
 */
final class RealmKeys implements JWKSetSource<SecurityContext> {

    private final JWKSetSource<SecurityContext> realm;
    private final long intervalMillis;

    private JWKSet latest;
    private KeySourceException latestFailure;
    private long latestFetch;
    private boolean fetched;

    RealmKeys(JWKSetSource<SecurityContext> realm, Duration interval) {
        this.realm = realm;
        this.intervalMillis = interval.toMillis();
    }

    @Override
    public synchronized JWKSet getJWKSet(
            JWKSetCacheRefreshEvaluator refresh, long now, SecurityContext context)
            throws KeySourceException {
        if (fetched && now - latestFetch < intervalMillis) {
            if (latest != null) {
                return latest;
            }
            throw new RemoteKeySourceException(
                    "not asked again so soon after: " + latestFailure.getMessage(), latestFailure);
        }

        fetched = true;
        latestFetch = now;
        try {
            latest = realm.getJWKSet(refresh, now, context);
            return latest;
        } catch (KeySourceException e) {
            latestFailure = e;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        realm.close();
    }
}
