package org.tocsin.web;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller's address, for rate limits only (never stored). It is the TCP peer unless
 * {@code server.forward-headers-strategy} is set for a trusted reverse proxy, in which case
 * Spring has already replaced the remote address with the forwarded one.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
