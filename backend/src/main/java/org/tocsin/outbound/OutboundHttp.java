package org.tocsin.outbound;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.resolver.HostsFileEntriesResolver;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The SSRF-safe HTTP client for URLs that users give: partners' calendars ({@link #get}) and webhook
 * endpoints ({@link #post}).
 *
 * <p>Why Reactor Netty and not the JDK client: the JDK client resolves names itself, with no hook between
 * the answer and the connection, so a check done before it (resolve, check, then let it resolve again) is
 * exactly what DNS rebinding defeats. Reactor Netty takes an address resolver, and {@link CheckedResolverGroup}
 * checks the very address it then connects to, on every connection. It is also non-blocking, which the
 * rest of Tocsin is, and is already on the class path.
 *
 * <p>Every request: http or https only; a fresh connection (no pool, so nothing resolved earlier is reused);
 * no proxy, no cookies, no credentials, no caller headers other than the ones passed; redirects followed
 * by hand for GET (each one checked again like the first URL), never for POST; connect, read and total time
 * limits; bodies larger than the limit refused whether announced or streamed.
 */
@Service
public class OutboundHttp implements DisposableBean {

    private static final int MAX_URL = 2000;

    private final OutboundProperties properties;
    private final LoopResources loops;
    private final HttpClient client;

    @Autowired
    OutboundHttp(OutboundProperties properties) {
        this(
                properties,
                properties.allowLoopback() ? AddressPolicy.publicAndLoopback() : AddressPolicy.publicOnly(),
                HostsFileEntriesResolver.DEFAULT);
    }

    /** For tests: another address policy, and names resolved from a hosts table of the test's own. */
    OutboundHttp(OutboundProperties properties, AddressPolicy policy, HostsFileEntriesResolver hosts) {
        this.properties = properties;
        // Its own small NIO loops: outbound waits never take the server's threads, and the DNS resolver's
        // datagram channel type must match the loop's transport.
        this.loops = LoopResources.create("tocsin-outbound", 2, true);
        int readSeconds = (int) Math.max(1, properties.readTimeout().toSeconds());
        this.client = HttpClient.create(ConnectionProvider.newConnection())
                .runOn(loops, false)
                .resolver(new CheckedResolverGroup(policy, hosts))
                .noProxy()
                .followRedirect(false)
                .compress(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout())
                .doOnConnected(c -> c.addHandlerLast(new ReadTimeoutHandler(readSeconds, TimeUnit.SECONDS)))
                .headers(h -> h.set("User-Agent", "Tocsin (+https://github.com/tocsin)"));
    }

    /**
     * The URL a person typed, made into one this client accepts: {@code webcal://} becomes {@code https://};
     * anything but http(s), a URL with credentials or without a host is refused with the reason.
     */
    public static URI checkedUrl(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_URL) {
            throw new OutboundRefusal("must be an http or https URL of at most " + MAX_URL + " characters");
        }
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "webcal://", 0, 9)) {
            trimmed = "https://" + trimmed.substring(9);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new OutboundRefusal("is not a valid URL");
        }
        return checked(uri);
    }

    private static URI checked(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusal("must be an http, https or webcal URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new OutboundRefusal("needs a host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefusal("must not carry a user name or password");
        }
        return uri.normalize();
    }

    /** GET, following up to {@code maxRedirects} redirects, each one checked like the first URL. */
    public Mono<OutboundAnswer> get(URI uri, HttpHeaders headers) {
        long started = System.nanoTime();
        return Mono.defer(() -> follow(checked(uri), headers, 0, started))
                .timeout(properties.totalTimeout(), Mono.error(() -> new OutboundRefusal("took too long")));
    }

    /** POST of {@code body}; a redirect is answered as it is, never followed (a webhook endpoint does not move). */
    public Mono<OutboundAnswer> post(URI uri, HttpHeaders headers, byte[] body) {
        long started = System.nanoTime();
        return Mono.defer(() -> once(HttpMethod.POST, checked(uri), headers, body, started))
                .timeout(properties.totalTimeout(), Mono.error(() -> new OutboundRefusal("took too long")));
    }

    private Mono<OutboundAnswer> follow(URI uri, HttpHeaders headers, int redirects, long started) {
        return once(HttpMethod.GET, uri, headers, null, started).flatMap(answer -> {
            String location = answer.headers().getFirst(HttpHeaders.LOCATION);
            if (!isRedirect(answer.status()) || location == null) {
                return Mono.just(answer);
            }
            if (redirects >= properties.maxRedirects()) {
                return Mono.error(new OutboundRefusal("redirected more than " + properties.maxRedirects() + " times"));
            }
            URI next;
            try {
                next = checked(uri.resolve(new URI(location.strip())));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Mono.error(new OutboundRefusal("redirected to an invalid URL"));
            }
            return follow(next, headers, redirects + 1, started);
        });
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private Mono<OutboundAnswer> once(HttpMethod method, URI uri, HttpHeaders headers, byte[] body, long started) {
        int max = properties.maxBodyBytes();
        HttpClient.RequestSender request = client.headers(h -> {
                    headers.forEach(h::set);
                    if (body != null) {
                        h.set("Content-Length", body.length);
                    }
                })
                .request(method)
                .uri(uri);
        HttpClient.ResponseReceiver<?> sending =
                body == null ? request : request.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
        return sending.response((response, content) -> {
                    long declared = response.responseHeaders().getInt("Content-Length", -1);
                    if (declared > max) {
                        return Mono.error(tooLarge(max));
                    }
                    HttpHeaders answerHeaders = new HttpHeaders();
                    response.responseHeaders().forEach(e -> answerHeaders.add(e.getKey(), e.getValue()));
                    if (isRedirect(response.status().code())) {
                        // The body of a redirect is never read; the connection is not reused anyway.
                        return Mono.just(new OutboundAnswer(
                                response.status().code(), answerHeaders, new byte[0], uri, since(started)));
                    }
                    return content.asByteArray()
                            .reduce(new ByteArrayOutputStream(), (out, chunk) -> {
                                if (out.size() + chunk.length > max) {
                                    throw tooLarge(max);
                                }
                                out.writeBytes(chunk);
                                return out;
                            })
                            .defaultIfEmpty(new ByteArrayOutputStream())
                            .map(out -> new OutboundAnswer(
                                    response.status().code(), answerHeaders, out.toByteArray(), uri, since(started)));
                })
                .next()
                .onErrorMap(e -> !(e instanceof OutboundRefusal), OutboundHttp::refusal);
    }

    private static OutboundRefusal tooLarge(int max) {
        return new OutboundRefusal("answered with more than " + max + " bytes");
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Reasons in words; never the exception's own message, which may name internal addresses. */
    private static OutboundRefusal refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutboundRefusal refusal) {
                return refusal;
            }
            if (t instanceof CheckedResolverGroup.RefusedAddress refused) {
                return new OutboundRefusal(refused.getMessage());
            }
            if (t instanceof TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return new OutboundRefusal("did not answer in time");
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return new OutboundRefusal("TLS failed (certificate or protocol)");
            }
        }
        return new OutboundRefusal("could not be reached");
    }

    @Override
    public void destroy() {
        loops.dispose();
    }
}
