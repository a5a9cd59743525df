package org.fittrackee.api.security;

/** A valid token without the endpoint's scope: OAuth's 403 {@code insufficient_scope}. */
public class InsufficientScopeException extends RuntimeException {

    public static final String DESCRIPTION =
            "The request requires higher privileges than provided by the access token.";

    private final String scope;

    public InsufficientScopeException(String scope) {
        super(DESCRIPTION, null, false, false);
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
