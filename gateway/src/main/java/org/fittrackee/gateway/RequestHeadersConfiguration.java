package org.fittrackee.gateway;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.RemoveXForwardedRequestHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/** How the gateway changes the headers of the requests it passes on, with its own filters. */
@Configuration(proxyBeanMethods = false)
class RequestHeadersConfiguration {

    /**
     * Every {@code X-Forwarded-*} header a request brings is removed, whoever sent it; the
     * gateway's {@code XForwardedRequestHeadersFilter} (order 1, configured in {@code
     * application.yml}) then writes For, Proto, Host and Port from the request as Tomcat settled
     * it. Tomcat believes a trusted proxy's headers only, so a client that sends its own can
     * neither pose as another host or scheme to Keycloak and the resource server nor hide behind
     * another address.
     *
     * <p>Spring Cloud Gateway registers this removal itself only when its X-Forwarded filter is
     * off; the gateway needs both, the removal first.
     */
    @Bean
    RemoveXForwardedRequestHeadersFilter removeClientsForwardedHeaders() {
        return new RemoveXForwardedRequestHeadersFilter();
    }

    /**
     * The Content-Type as the client sent it. Spring adds the request's character encoding to it
     * ({@code application/json;charset=UTF-8}), and Keycloak's account API, which the account
     * console calls with exactly {@code application/json}, answers anything else with the console's
     * HTML page. The encoding itself must stay: it decodes the forms the gateway passes on, such as
     * the login form.
     */
    @Bean
    RequestHttpHeadersFilter contentTypeAsSent() {
        return (headers, request) -> {
            String sent = request.servletRequest().getHeader(HttpHeaders.CONTENT_TYPE);
            if (sent != null) {
                headers.set(HttpHeaders.CONTENT_TYPE, sent);
            }
            return headers;
        };
    }
}
