package org.fittrackee.keycloak.revocation;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.fittrackee.keycloak.apps.AppClients;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRevokeResponseContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.util.TokenUtil;

/**
 * Makes an app's revocation of an access token (RFC 7009) end its grant, as FitTrackee ends both
 * tokens of the pair: Keycloak itself only records the access token's id, and its refresh token
 * would keep working.
 *
 * <p>It runs once Keycloak has checked and revoked the token, within the revocation request. When
 * the grant cannot be ended, the request fails with 503 and its transaction is rolled back, the
 * access token's revocation included, so the app may retry as RFC 7009 describes.
 *
 * <p>Only FitTrackee apps are concerned: the realm binds this executor to them, and it checks the
 * client again. Other clients of the realm keep Keycloak's behaviour.
 */
public class AccessTokenRevocationExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final String NOT_ENDED = "The grant of the token could not be ended; try again";

    private static final Set<String> ACCESS_TOKEN_TYPES =
            Set.of(TokenUtil.TOKEN_TYPE_BEARER, TokenUtil.TOKEN_TYPE_DPOP);

    private static final Logger LOG = Logger.getLogger(AccessTokenRevocationExecutor.class);

    private final KeycloakSession session;
    private final GrantRevocation grants;

    public AccessTokenRevocationExecutor(KeycloakSession session, GrantRevocation grants) {
        this.session = session;
        this.grants = grants;
    }

    @Override
    public String getProviderId() {
        return AccessTokenRevocationExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (!(context instanceof TokenRevokeResponseContext revocation)) {
            return;
        }

        ClientModel app = revocation.getClient();
        RealmModel realm = session.getContext().getRealm();
        Optional<Grant> grant =
                revokedToken(revocation.getParams()).flatMap(token -> grantOf(realm, app, token));
        if (grant.isPresent()) {
            end(grant.get());
        }
    }

    /**
     * The grant of a revoked access token of a FitTrackee app: none for a refresh token, whose
     * revocation ended its grant already, nor for a token of another client or without a session.
     */
    static Optional<Grant> grantOf(RealmModel realm, ClientModel app, AccessToken token) {
        boolean appsAccessToken =
                AppClients.isApp(app)
                        && ACCESS_TOKEN_TYPES.contains(token.getType())
                        && app.getClientId().equals(token.getIssuedFor())
                        && token.getSessionId() != null;
        return appsAccessToken
                ? Optional.of(new Grant(realm, token.getSessionId(), app))
                : Optional.empty();
    }

    /** The token of the request, read as Keycloak read it before revoking it. */
    private Optional<AccessToken> revokedToken(MultivaluedMap<String, String> params) {
        String encoded = params == null ? null : params.getFirst(OAuth2Constants.TOKEN);
        if (encoded == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.tokens().decode(encoded, AccessToken.class));
    }

    private void end(Grant grant) throws ClientPolicyException {
        try {
            if (grants.end(grant)) {
                LOG.infof(
                        "Access token of client %s revoked; its grant in user session %s ended",
                        grant.client().getClientId(), grant.userSessionId());
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Revocation of an access token of client %s refused: its grant in user"
                            + " session %s could not be ended",
                    grant.client().getClientId(),
                    grant.userSessionId());
            session.getTransactionManager().setRollbackOnly();
            throw new ClientPolicyException(
                    OAuthErrorException.TEMPORARILY_UNAVAILABLE,
                    NOT_ENDED,
                    Response.Status.SERVICE_UNAVAILABLE);
        }
    }
}
