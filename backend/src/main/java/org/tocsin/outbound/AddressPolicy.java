package org.tocsin.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;

/**
 * Which addresses an outbound request may connect to: public unicast only. Refused: unspecified
 * (0.0.0.0, ::), loopback, private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), link-local
 * (169.254/16, fe80::/10, where cloud metadata services live: 169.254.169.254), unique-local (fc00::/7,
 * fd00:ec2::254 included), multicast and broadcast, the reserved 0/8 and 240/4, benchmarking and
 * documentation ranges, and IPv6 forms that embed an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64,
 * 6to4, Teredo), which are judged by the IPv4 address inside or refused outright.
 */
public final class AddressPolicy implements Predicate<InetAddress> {

    private final Predicate<InetAddress> extra;

    private AddressPolicy(Predicate<InetAddress> extra) {
        this.extra = extra;
    }

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(a -> false);
    }

    /** Public addresses and loopback: for tests, whose servers listen on loopback. */
    public static AddressPolicy publicAndLoopback() {
        return new AddressPolicy(InetAddress::isLoopbackAddress);
    }

    /** Public addresses and exactly {@code address}: for a test that must tell one loopback server from others. */
    static AddressPolicy publicAnd(InetAddress address) {
        return new AddressPolicy(address::equals);
    }

    @Override
    public boolean test(InetAddress address) {
        return extra.test(address) || isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublic4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return isPublic6(v6.getAddress());
        }
        return false;
    }

    private static boolean isPublic4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0 // "this" network, 0.0.0.0
                || b0 == 10
                || b0 == 127
                || (b0 == 100 && b1 >= 64 && b1 <= 127) // CGNAT
                || (b0 == 169 && b1 == 254) // link-local, cloud metadata
                || (b0 == 172 && b1 >= 16 && b1 <= 31)
                || (b0 == 192 && b1 == 0 && b2 == 0) // IETF protocol assignments
                || (b0 == 192 && b1 == 0 && b2 == 2) // documentation
                || (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay
                || (b0 == 192 && b1 == 168)
                || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100) // documentation
                || (b0 == 203 && b1 == 0 && b2 == 113) // documentation
                || b0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublic6(byte[] a) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= a[i] == 0;
        }
        if (firstTenZero && ((a[10] == 0 && a[11] == 0) || (a[10] == (byte) 0xff && a[11] == (byte) 0xff))) {
            // ::, ::1, IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d: judged as the IPv4 address inside
            // (:: and ::1 land on 0.0.0.0 and 0.0.0.1, both refused).
            return isPublic4(new byte[] {a[12], a[13], a[14], a[15]});
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if ((w0 & 0xfe00) == 0xfc00 // unique-local fc00::/7, fd00:ec2::254 among them
                || (w0 & 0xffc0) == 0xfe80 // link-local
                || (w0 & 0xffc0) == 0xfec0 // site-local (deprecated, still routed by some)
                || (w0 & 0xff00) == 0xff00 // multicast
                || w0 == 0x2002 // 6to4 embeds an IPv4 address
                || (w0 == 0x2001 && w1 == 0) // Teredo embeds one too
                || (w0 == 0x2001 && w1 == 0x0db8) // documentation
                || (w0 == 0x0064 && w1 == 0xff9b) // NAT64 reaches IPv4 through a translator
                || (w0 == 0x0100 && w1 == 0)) { // discard-only
            return false;
        }
        return (w0 & 0xe000) == 0x2000; // global unicast 2000::/3 only
    }

    /** Parses an IP literal without any name lookup; null when {@code host} is not one. */
    static InetAddress literal(String host) {
        byte[] bytes = io.netty.util.NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
