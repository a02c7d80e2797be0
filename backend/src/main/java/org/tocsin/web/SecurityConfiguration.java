package org.tocsin.web;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.tocsin.accounts.AccountSecurity;

/**
 * Who may call what. Object-level rules ("may this user edit this organization?") live in the
 * services; this is the coarse outer layer: explicit public routes, the rest of the API for
 * signed-in callers only, anything else denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            AccountSecurity accounts,
            ProblemResponses problems,
            ManagementPort managementPort) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> problems.write(
                exchange,
                ApiProblem.of(
                        HttpStatus.UNAUTHORIZED,
                        ApiProblem.UNAUTHENTICATED,
                        "Sign-in required",
                        AccountSecurity.hasBearerToken(exchange)
                                ? "The API token is unknown or revoked"
                                : "Sign in, or send an API token as Authorization: Bearer"));
        ServerAccessDeniedHandler denied = (exchange, e) -> problems.write(
                exchange,
                e instanceof CsrfException
                        ? ApiProblem.of(
                                HttpStatus.FORBIDDEN,
                                ApiProblem.CSRF,
                                "CSRF token missing or wrong",
                                "Fetch GET /api/v1/auth/csrf and echo its token in the X-XSRF-TOKEN header")
                        : ApiProblem.forbidden("You may not do this"));

        AuthenticationWebFilter bearer = new AuthenticationWebFilter(accounts.bearerTokenAuthenticationManager());
        bearer.setServerAuthenticationConverter(accounts.bearerTokenConverter());
        bearer.setRequiresAuthenticationMatcher(exchange -> AccountSecurity.hasBearerToken(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch());
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));

        // Token-authenticated calls carry no ambient credential a foreign site could ride on, so they need no CSRF
        // token.
        ServerWebExchangeMatcher csrfRequired = exchange -> AccountSecurity.hasBearerToken(exchange)
                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange);

        return http.securityContextRepository(accounts.sessionContextRepository())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(csrfRequired)
                        .accessDeniedHandler(denied))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .authorizeExchange(routes -> routes.pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/auth/csrf")
                        .permitAll()
                        .pathMatchers(
                                HttpMethod.POST,
                                "/api/v1/auth/register",
                                "/api/v1/auth/login",
                                "/api/v1/auth/login/second-factor",
                                "/api/v1/auth/login/passkey/options",
                                "/api/v1/auth/login/passkey",
                                "/api/v1/auth/password-reset",
                                "/api/v1/auth/password-reset/confirm",
                                "/api/v1/auth/email-verification",
                                "/api/v1/auth/email-verification/confirm",
                                "/api/v1/auth/logout")
                        .permitAll()
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/v1/organizations/*",
                                "/api/v1/campaigns",
                                "/api/v1/campaigns/*",
                                "/api/v1/campaigns/*/call",
                                "/api/v1/events",
                                "/api/v1/events/*",
                                "/api/v1/cities",
                                "/api/v1/places",
                                "/api/v1/calendars")
                        .permitAll()
                        // RSVPs need no account: answering, and managing one with its token (the URL is the
                        // credential).
                        .pathMatchers(HttpMethod.POST, "/api/v1/events/*/rsvps")
                        .permitAll()
                        // The same without JavaScript: the event page's RSVP form and the RSVP page's forms.
                        .pathMatchers(
                                HttpMethod.POST, "/events/*/rsvp", "/rsvp/*", "/rsvp/*/confirm", "/rsvp/*/withdraw")
                        .permitAll()
                        // Where an invitation link leads (the link is the credential); accepting it needs an account.
                        .pathMatchers(HttpMethod.GET, "/api/v1/invitations/*")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/rsvps/*")
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/rsvps/*/confirm")
                        .permitAll()
                        .pathMatchers(HttpMethod.PATCH, "/api/v1/rsvps/*")
                        .permitAll()
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/rsvps/*")
                        .permitAll()
                        // Reporting an event, organization or campaign needs no account (rate-limited per address).
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports")
                        .permitAll()
                        .pathMatchers("/api/**")
                        .authenticated()
                        // The Prometheus scrape on the management port alone (the metrics profile, bound to 127.0.0.1).
                        .matchers(managementPort.prometheusScrape())
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .denyAll()
                        // The static web app, the public feeds (capability URLs for private ones) and single-event .ics
                        // downloads.
                        .pathMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .anyExchange()
                        .denyAll())
                .build();
    }
}
