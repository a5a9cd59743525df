package org.fittrackee.keycloak.authorization;

import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Puts a code's stored data back once the token request is over, whether it succeeded or failed.
 *
 * <p>The code store writes outside the request's transaction, so a change to a stored code is not
 * undone by a failing request: this restoring step, enlisted after completion, undoes it. It uses
 * {@code replace}, which acts only on a code still stored: a code that Keycloak consumed (it
 * removes the code as soon as it reads it) stays consumed.
 */
final class StoredCodeRestore extends AbstractKeycloakTransaction {

    private static final Logger LOG = Logger.getLogger(StoredCodeRestore.class);

    private final SingleUseObjectProvider codes;
    private final String storeKey;
    private final Map<String, String> original;

    StoredCodeRestore(
            SingleUseObjectProvider codes, String storeKey, Map<String, String> original) {
        this.codes = codes;
        this.storeKey = storeKey;
        this.original = original;
    }

    @Override
    protected void commitImpl() {
        restore();
    }

    @Override
    protected void rollbackImpl() {
        restore();
    }

    private void restore() {
        if (codes.replace(storeKey, original)) {
            LOG.debug(
                    "Code left unused by a failed token request: its redirect URI is bound again");
        }
    }
}
