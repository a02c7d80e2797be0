package org.tocsin.outbound;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.HostsFileEntriesResolver;
import io.netty.resolver.NameResolver;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Predicate;

/**
 * Netty's non-blocking DNS resolver with a check between the answer and the connection: the client connects
 * only to the address this resolver returned, and it returns one only if every address the name resolves to
 * is allowed. IP literals pass through the same check ({@code doIsResolved} is always false, so Netty never
 * skips the resolver for an address it considers resolved). Each connection (each redirect's too) is
 * resolved and checked afresh, and the checked address is the one connected to: a DNS answer that changes
 * between a check and a connection cannot exist.
 */
final class CheckedResolverGroup extends DnsAddressResolverGroup {

    private final Predicate<InetAddress> allowed;

    CheckedResolverGroup(Predicate<InetAddress> allowed, HostsFileEntriesResolver hosts) {
        super(new DnsNameResolverBuilder()
                .datagramChannelType(NioDatagramChannel.class)
                .nameServerProvider(DnsServerAddressStreamProviders.platformDefault())
                .hostsFileEntriesResolver(hosts));
        this.allowed = allowed;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newAddressResolver(
            EventLoop eventLoop, NameResolver<InetAddress> resolver) {
        return new Checked(eventLoop, resolver, allowed);
    }

    /** Raised when a name or address is refused; the message is safe to show to the person who gave the URL. */
    static final class RefusedAddress extends Exception {
        RefusedAddress() {
            // One message for refused and unknown names alike, so the refusal does not tell which internal names exist.
            super("the host does not resolve to a public address", null, false, false);
        }
    }

    private static final class Checked extends AbstractAddressResolver<InetSocketAddress> {

        private final NameResolver<InetAddress> names;
        private final Predicate<InetAddress> allowed;

        Checked(EventExecutor executor, NameResolver<InetAddress> names, Predicate<InetAddress> allowed) {
            super(executor, InetSocketAddress.class);
            this.names = names;
            this.allowed = allowed;
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
            resolveChecked(address, executor().<List<InetSocketAddress>>newPromise())
                    .addListener(f -> {
                        if (f.isSuccess()) {
                            @SuppressWarnings("unchecked")
                            List<InetSocketAddress> all = (List<InetSocketAddress>) f.getNow();
                            promise.trySuccess(all.getFirst());
                        } else {
                            promise.tryFailure(f.cause());
                        }
                    });
        }

        @Override
        protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            resolveChecked(address, promise);
        }

        private Future<List<InetSocketAddress>> resolveChecked(
                InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            int port = address.getPort();
            if (!address.isUnresolved()) {
                return settle(List.of(address.getAddress()), port, promise);
            }
            InetAddress literal = AddressPolicy.literal(address.getHostString());
            if (literal != null) {
                return settle(List.of(literal), port, promise);
            }
            names.resolveAll(address.getHostString()).addListener(f -> {
                if (f.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    List<InetAddress> found = (List<InetAddress>) f.getNow();
                    settle(found, port, promise);
                } else {
                    promise.tryFailure(new RefusedAddress());
                }
            });
            return promise;
        }

        /** All addresses must be allowed: a name with one private answer among public ones is refused. */
        private Future<List<InetSocketAddress>> settle(
                List<InetAddress> found, int port, Promise<List<InetSocketAddress>> promise) {
            if (found.isEmpty() || !found.stream().allMatch(allowed)) {
                promise.tryFailure(new RefusedAddress());
            } else {
                promise.trySuccess(
                        found.stream().map(a -> new InetSocketAddress(a, port)).toList());
            }
            return promise;
        }

        @Override
        public void close() {
            names.close();
        }
    }
}
