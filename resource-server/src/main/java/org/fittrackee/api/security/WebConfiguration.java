package org.fittrackee.api.security;

import java.util.List;
import org.fittrackee.api.http.NulCharacters;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    private final AccessRuleInterceptor accessRules;
    private final NulCharacters nulCharacters;
    private final CallerArgumentResolver callers;

    public WebConfiguration(
            AccessRuleInterceptor accessRules,
            NulCharacters nulCharacters,
            CallerArgumentResolver callers) {
        this.accessRules = accessRules;
        this.nulCharacters = nulCharacters;
        this.callers = callers;
    }

    /** The access rule first, as in FitTrackee, then the checks of the request's own text. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(accessRules).addPathPatterns("/api/**");
        registry.addInterceptor(nulCharacters).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
