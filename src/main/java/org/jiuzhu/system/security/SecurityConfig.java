package org.jiuzhu.system.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything.
 * <ul>
 *   <li>Our pages and the Camunda webapps: Spring Security form login against the Camunda identity
 *       service; the webapps take the logged-in user through {@link ContainerBasedAuthenticationFilter}.</li>
 *   <li>{@code /engine-rest/**} (Camunda Modeler's deploy, integrations): HTTP Basic, checked by
 *       {@link EngineRestAuthenticationFilter} so that a missing or wrong password gets 401.</li>
 *   <li>Public pages (apply, progress lookup, notice board) and the health check: no login.</li>
 * </ul>
 * Every password check is throttled per client address and account (the identity service's
 * {@code LoginThrottle}); the webapps' own login endpoint is closed, our login page is the only one.
 */
@Configuration
public class SecurityConfig {

    /** Pages anybody may open. Later features add their public pages here. */
    static final String[] PUBLIC_PATHS = {
        "/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/images/**", "/webjars/**",
        "/apply", "/apply/**", "/status", "/status/**", "/notices", "/notices/**",
        "/actuator/health", "/actuator/health/**"
    };

    /** The public pages proper: the engine works there without the logged-in user (EngineIdentityFilter). */
    static final String[] PUBLIC_PAGES = {"/apply", "/status", "/notices"};

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        // HTTP Basic is checked by EngineRestAuthenticationFilter (below), authorization by Camunda.
        return http.securityMatcher(PATHS.matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, SessionProperties sessionProperties, ObjectMapper json)
            throws Exception {
        RequestMatcher camundaApi = PATHS.matcher("/camunda/api/**");
        RequestMatcher webappLogout = PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
        // Camunda's own login would bypass our login page and its throttle.
        RequestMatcher webappLogin = PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
        WebappLoginRefusal webappLoginRefusal = new WebappLoginRefusal(json);
        HttpSessionRequestCache requestCache = pagesOnly();

        DelegatingLogoutSuccessHandler logoutSuccess = new DelegatingLogoutSuccessHandler(
                new LinkedHashMap<>(Map.of(webappLogout, new HttpStatusReturningLogoutSuccessHandler())));
        SimpleUrlLogoutSuccessHandler toLoginPage = new SimpleUrlLogoutSuccessHandler();
        toLoginPage.setDefaultTargetUrl("/login?logout");
        logoutSuccess.setDefaultLogoutSuccessHandler(toLoginPage);

        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(webappLogin).denyAll()
                        .requestMatchers(publicPaths()).permitAll()
                        .requestMatchers(PATHS.matcher("/admin/**")).hasAuthority(CamundaIdentityAuthenticationProvider.ROLE_ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(officialSession(sessionProperties, requestCache))
                        .failureHandler(loginFailure())
                        .permitAll())
                // The webapps' own logout button ends the whole session, not only the webapp's.
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, "/logout"), webappLogout))
                        .logoutSuccessHandler(logoutSuccess))
                // The Camunda webapps bring their own CSRF protection with the same cookie name.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PATHS.matcher("/camunda/**")))
                .requestCache(cache -> cache.requestCache(requestCache))
                // The webapps' API calls get 401, everything else the login page.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(webappLoginRefusal, webappLogin)
                        .defaultAccessDeniedHandlerFor(webappLoginRefusal, webappLogin)
                        // A citizen's form with a stale token comes back filled in (CsrfFilter uses these handlers).
                        .defaultAccessDeniedHandlerFor(new StaleFormHandler(), publicForms())
                        // With a single mapping Spring Security would use the one above for every request.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), camundaApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new NegatedRequestMatcher(camundaApi)))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /** A logged-in official's session ends after the idle timeout; then on to the page asked for, or the portal. */
    private static SavedRequestAwareAuthenticationSuccessHandler officialSession(SessionProperties properties,
            HttpSessionRequestCache requestCache) {
        SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, ServletException {
                request.getSession().setMaxInactiveInterval((int) properties.idleTimeout().toSeconds());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        toPageAskedFor.setDefaultTargetUrl("/");
        toPageAskedFor.setRequestCache(requestCache);
        return toPageAskedFor;
    }

    /**
     * A wrong password back to the login page with the error; a throttled login with how long to wait
     * (the login page reads it from the exception kept in the session).
     */
    private static DelegatingAuthenticationFailureHandler loginFailure() {
        LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> handlers = new LinkedHashMap<>();
        handlers.put(LoginThrottledAuthenticationException.class,
                new SimpleUrlAuthenticationFailureHandler("/login?" + LoginController.THROTTLED_PARAMETER));
        return new DelegatingAuthenticationFailureHandler(handlers, new SimpleUrlAuthenticationFailureHandler("/login?error"));
    }

    /**
     * After the login, back to the page the person asked for; not to a font or script that a webapp page
     * still fetched after its logout, which would be "downloaded" instead of showing the portal.
     */
    private static HttpSessionRequestCache pagesOnly() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PATHS.matcher(HttpMethod.GET, "/**"), html));
        return cache;
    }

    private static RequestMatcher publicForms() {
        return new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, "/apply"), PATHS.matcher(HttpMethod.POST, "/status"),
                PATHS.matcher(HttpMethod.POST, "/notices/*/objection"));
    }

    private static RequestMatcher[] publicPaths() {
        return java.util.Arrays.stream(PUBLIC_PATHS).map(PATHS::matcher).toArray(RequestMatcher[]::new);
    }

    /**
     * The current request from the very first filter on, Spring Security's included (Spring Boot's own
     * comes after it here): the identity service takes the client's address for its login throttle from it.
     */
    @Bean
    OrderedRequestContextFilter requestContextFilter() {
        return new OrderedRequestContextFilter();
    }

    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthenticationFilter(ProcessEngine processEngine,
            ObjectMapper json) {
        FilterRegistrationBean<EngineRestAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(processEngine, json));
        registration.setName("jiuzhu-engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOnFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("jiuzhu-webapp-single-sign-on");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityContainerAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // After the Spring Security chain, so the logged-in user is known.
        registration.setOrder(101);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineIdentityFilter> engineIdentityFilter(org.camunda.bpm.engine.IdentityService identityService) {
        FilterRegistrationBean<EngineIdentityFilter> registration =
                new FilterRegistrationBean<>(new EngineIdentityFilter(identityService));
        registration.setName("jiuzhu-engine-identity");
        registration.addUrlPatterns("/*");
        registration.setOrder(102);
        return registration;
    }
}
