package org.tocsin.ratelimits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller's address, for rate limits only (never stored; {@link RateLimiter} keeps only keyed hashes
 * of it). It is the TCP peer unless {@code server.forward-headers-strategy} is set for a trusted
 * reverse proxy, in which case Spring has already replaced the remote address with the forwarded one.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * The address as one party: an IPv4 address, or an IPv6 address's /64 network. One subscriber
     * usually gets a whole /64 and can use any of its 2^64 addresses, so limits per IPv6 address would
     * cost a flooder nothing.
     */
    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        if (address == null) {
            return remote.getHostString();
        }
        if (address instanceof Inet6Address) {
            byte[] network = new byte[8];
            System.arraycopy(address.getAddress(), 0, network, 0, 8);
            return HexFormat.of().formatHex(network) + "::/64";
        }
        return address.getHostAddress();
    }
}
