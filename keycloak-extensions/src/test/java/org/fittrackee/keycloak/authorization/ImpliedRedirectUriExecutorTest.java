package org.fittrackee.keycloak.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.fittrackee.keycloak.authorization.ImpliedRedirectUriExecutor.CodeKey;
import org.junit.jupiter.api.Test;
import org.keycloak.protocol.oidc.utils.OAuth2CodeParser;

class ImpliedRedirectUriExecutorTest {

    private static final String CODE = "code-id.session-id.client-uuid";

    @Test
    void aCodeSplitsIntoItsIdSessionAndClient() {
        assertThat(CodeKey.of(CODE)).contains(new CodeKey("code-id", "session-id", "client-uuid"));
        assertThat(CodeKey.of("a.b.c.d")).contains(new CodeKey("a", "b", "c.d"));
    }

    @Test
    void aCodeIsStoredUnderKeycloaksPrefixAndItsId() {
        assertThat(CodeKey.of(CODE).map(CodeKey::storeKey))
                .contains(OAuth2CodeParser.CACHE_KEY_PREFIX + "code-id");
    }

    @Test
    void aCodeWithoutThreePartsOrWithoutIdIsNoCode() {
        for (String code : new String[] {"", "never-issued", "a.b", ".session-id.client-uuid"}) {
            assertThat(CodeKey.of(code)).as(code).isEmpty();
        }
    }

    @Test
    void anExchangeWithOneCodeAndNoRedirectUriNamesItsCode() {
        MultivaluedMap<String, String> form = exchange();

        assertThat(ImpliedRedirectUriExecutor.codeSentWithoutRedirectUri(form))
                .contains(new CodeKey("code-id", "session-id", "client-uuid"));
    }

    @Test
    void anEmptyOrRepeatedRedirectUriCountsAsSent() {
        MultivaluedMap<String, String> empty = exchange();
        empty.add("redirect_uri", "");
        MultivaluedMap<String, String> repeated = exchange();
        repeated.add("redirect_uri", "");
        repeated.add("redirect_uri", "https://a.example.org/second");

        assertThat(ImpliedRedirectUriExecutor.codeSentWithoutRedirectUri(empty)).isEmpty();
        assertThat(ImpliedRedirectUriExecutor.codeSentWithoutRedirectUri(repeated)).isEmpty();
    }

    @Test
    void anExchangeWithoutCodeOrWithTwoCodesNamesNone() {
        MultivaluedMap<String, String> none = new MultivaluedHashMap<>();
        none.add("grant_type", "authorization_code");
        MultivaluedMap<String, String> two = exchange();
        two.add("code", "other-id.session-id.client-uuid");

        assertThat(ImpliedRedirectUriExecutor.codeSentWithoutRedirectUri(none)).isEmpty();
        assertThat(ImpliedRedirectUriExecutor.codeSentWithoutRedirectUri(two)).isEmpty();
    }

    private static MultivaluedMap<String, String> exchange() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", "authorization_code");
        form.add("client_id", "app");
        form.add("client_secret", "secret");
        form.add("code", CODE);
        return form;
    }
}
