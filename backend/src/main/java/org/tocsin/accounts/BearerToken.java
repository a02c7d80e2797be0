package org.tocsin.accounts;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API token as presented, before it is checked. */
final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "api-token";
    }
}
