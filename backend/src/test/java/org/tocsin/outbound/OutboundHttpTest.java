package org.tocsin.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.resolver.HostsFileEntriesResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The SSRF promises of {@link OutboundHttp}, against a real server on 127.0.0.1. The client under test
 * may reach exactly 127.0.0.1 (where the test server is) and public addresses; every other loopback
 * address, private and metadata address is refused, however it is reached: literally, by a redirect, or by
 * a name whose DNS answer is private (the names come from a hosts table of the test's own, which Netty's
 * resolver consults before DNS).
 */
class OutboundHttpTest {

    private static final Map<String, String> HOSTS = Map.of(
            "partner.test", "127.0.0.1",
            "intranet.test", "10.1.2.3",
            "metadata.test", "169.254.169.254",
            "rebind.test", "::ffff:127.0.0.2");

    private final CountDownLatch release = new CountDownLatch(1);
    private LocalServer server;
    private OutboundHttp http;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer()
                .on("/feed.ics", x -> {
                    hits.incrementAndGet();
                    LocalServer.answer(x, 200, "text/calendar", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8));
                })
                .on("/to-loopback", x -> {
                    x.getResponseHeaders().set("Location", "http://127.0.0.2:" + server.port() + "/feed.ics");
                    LocalServer.answer(x, 302, "text/plain", new byte[0]);
                })
                .on("/to-metadata", x -> {
                    x.getResponseHeaders().set("Location", "http://metadata.test/latest/meta-data/");
                    LocalServer.answer(x, 301, "text/plain", new byte[0]);
                })
                .on("/to-self", x -> {
                    x.getResponseHeaders().set("Location", "/feed.ics");
                    LocalServer.answer(x, 307, "text/plain", new byte[0]);
                })
                .on("/loop", x -> {
                    x.getResponseHeaders().set("Location", "/loop");
                    LocalServer.answer(x, 302, "text/plain", new byte[0]);
                })
                .on("/huge", x -> {
                    x.getResponseHeaders().set("Content-Type", "text/calendar");
                    x.sendResponseHeaders(200, 0); // chunked: the size is not announced
                    try (OutputStream out = x.getResponseBody()) {
                        byte[] chunk = new byte[8192];
                        for (int i = 0; i < 64; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException closedByClient) {
                        // the client stopped reading: that is the point
                    }
                })
                .on("/slow", x -> {
                    x.getResponseHeaders().set("Content-Type", "text/calendar");
                    x.sendResponseHeaders(200, 0);
                    try (OutputStream out = x.getResponseBody()) {
                        out.write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        release.await(20, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException e) {
                        // the client gave up
                    }
                });
        OutboundProperties limits = new OutboundProperties(
                false, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5), 64 * 1024, 3);
        http = new OutboundHttp(limits, AddressPolicy.publicAnd(InetAddress.getByName("127.0.0.1")), hosts());
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
        http.destroy();
    }

    private static HostsFileEntriesResolver hosts() {
        return (name, types) -> {
            String address = HOSTS.get(name);
            try {
                return address == null ? null : InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private OutboundAnswer get(String url) {
        return http.get(OutboundHttp.checkedUrl(url), new HttpHeaders()).block(Duration.ofSeconds(15));
    }

    private static void refused(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOf(OutboundRefusal.class).hasMessageContaining(reason);
    }

    @Test
    void fetchesFromTheAllowedAddressAndFollowsRedirectsThere() {
        assertThat(get(server.url("/feed.ics")).body()).asString().isEqualTo("BEGIN:VCALENDAR");
        OutboundAnswer redirected = get(server.url("/to-self"));
        assertThat(redirected.status()).isEqualTo(200);
        assertThat(redirected.uri().getPath()).isEqualTo("/feed.ics");
        assertThat(get("http://partner.test:" + server.port() + "/feed.ics").isSuccess())
                .isTrue();
    }

    @Test
    void refusesPrivateLoopbackLinkLocalAndMetadataAddressesGivenLiterally() {
        for (String host : new String[] {
            "127.0.0.2",
            "[::1]",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "100.64.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "[::ffff:127.0.0.2]",
            "[::ffff:10.0.0.1]",
            "[fd00:ec2::254]",
            "[fe80::1]",
            "[::]",
            "224.0.0.1"
        }) {
            refused(() -> get("http://" + host + ":" + server.port() + "/feed.ics"), "public address");
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddress() {
        refused(() -> get("http://intranet.test:" + server.port() + "/feed.ics"), "public address");
        refused(() -> get("http://rebind.test:" + server.port() + "/feed.ics"), "public address");
        refused(() -> get("http://no-such-name.invalid/feed.ics"), "public address");
        assertThat(hits).hasValue(0);
    }

    @Test
    void checksEveryRedirectAgain() {
        refused(() -> get(server.url("/to-loopback")), "public address");
        refused(() -> get(server.url("/to-metadata")), "public address");
        assertThat(hits).hasValue(0);
        refused(() -> get(server.url("/loop")), "redirected more than 3 times");
    }

    @Test
    void refusesOtherSchemesAndCredentialsAndMapsWebcal() {
        refused(() -> OutboundHttp.checkedUrl("file:///etc/passwd"), "http");
        refused(() -> OutboundHttp.checkedUrl("gopher://partner.test/"), "http");
        refused(() -> OutboundHttp.checkedUrl("https://user:secret@partner.test/cal.ics"), "user name");
        assertThat(OutboundHttp.checkedUrl("webcal://partner.test/cal.ics"))
                .isEqualTo(URI.create("https://partner.test/cal.ics"));
    }

    @Test
    void refusesAnOversizeBody() {
        refused(() -> get(server.url("/huge")), "more than 65536 bytes");
    }

    @Test
    void givesUpOnASlowBody() {
        refused(() -> get(server.url("/slow")), "in time");
    }
}
