package org.fittrackee.gateway;

import org.springframework.cloud.gateway.server.mvc.filter.RemoveXForwardedRequestHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's rule for forwarded headers, with Spring Cloud Gateway's own filters: every {@code
 * X-Forwarded-*} header a request brings is removed, whoever sent it, and the gateway's {@code
 * XForwardedRequestHeadersFilter} (order 1, configured in {@code application.yml}) then writes For,
 * Proto, Host and Port from the request as Tomcat settled it. Tomcat believes a trusted proxy's
 * headers only, so a client that sends its own can neither pose as another host or scheme to
 * Keycloak and the resource server nor hide behind another address.
 *
 * <p>Spring Cloud Gateway registers this removal itself only when its X-Forwarded filter is off;
 * the gateway needs both, the removal first.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

    @Bean
    RemoveXForwardedRequestHeadersFilter removeClientsForwardedHeaders() {
        return new RemoveXForwardedRequestHeadersFilter();
    }
}
