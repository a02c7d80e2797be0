package org.tocsin.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param admins emails of the platform admins ({@code tocsin.admins}); nobody is an admin by default
 * @param sessionIdleTimeout a session unused for this long is over ({@code tocsin.session-idle-timeout})
 * @param secureCookies whether the session cookie is {@code __Host-}, Secure (off only for plain-http test rigs)
 */
@ConfigurationProperties("tocsin")
record AccountProperties(List<String> admins, Duration sessionIdleTimeout, Boolean secureCookies) {

    AccountProperties {
        admins = admins == null ? List.of() : List.copyOf(admins);
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofDays(14) : sessionIdleTimeout;
        secureCookies = secureCookies == null || secureCookies;
    }

    Set<String> adminEmails() {
        return admins.stream().map(Emails::normalise).collect(Collectors.toUnmodifiableSet());
    }

    String sessionCookieName() {
        return secureCookies ? "__Host-tocsin-session" : "tocsin-session";
    }
}
