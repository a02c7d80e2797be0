package org.tocsin.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the web app (built into {@code classpath:static/} by the frontend module).
 * <ul>
 * <li>Its deep links: a GET of one of its pages (e.g. {@code /events/abc}, {@code /cities/de/berlin}) answers
 * {@code index.html}, whose client-side router shows the page. Never the API, the feeds,
 * {@code /events/{id}.ics}, the actuator or the OpenAPI document.</li>
 * <li>Its files ({@code /assets/…} with content hashes, cached for a year; {@code /widget/…} and the rest
 * revalidated with an ETag), read from the jar once, off the event loop, and kept in memory.</li>
 * <li>The iframe widget {@code /embed/events} may be framed by any site; every other page by none.</li>
 * </ul>
 */
@Component
class WebAppRoutes implements WebFilter {

    static final Pattern APP_PAGE = Pattern.compile("^/(?:"
            + "|cities/[^/.]+/[^/.]+|organizations/[^/.]+|campaigns/[^/.]+|events/[^/.]+|rsvp/[^/.]+|join/[^/.]+"
            + "|signin|register|dashboard(?:/[^.]*)?|embed|embed/events"
            + ")/?$");

    /** Built files: one level under assets/ or widget/, or a file at the root such as favicon.svg. */
    static final Pattern STATIC_FILE = Pattern.compile("^/(?:(?:assets|widget)/)?[A-Za-z0-9_-][A-Za-z0-9._-]*\\.[a-z0-9]+$");

    static final String EMBED_PATH = "/embed/events";

    static final String EMBEDDABLE_CONTENT_SECURITY_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
            .replace("frame-ancestors 'none'", "frame-ancestors *");

    private static final Duration IMMUTABLE = Duration.ofDays(365);
    private static final Duration SHORT = Duration.ofMinutes(5);
    static final int MAX_MISSING = 1_000;

    private record StaticFile(byte[] body, MediaType type, String etag) {
    }

    /** Files found: bounded by what the jar holds, so a flood of names cannot grow it. */
    private final Map<String, StaticFile> files = new ConcurrentHashMap<>();
    /**
     * Names looked up and not found, so the jar is not searched for them again and again. Anyone can
     * send a new name with every request (a 3 KB path each), so this one is bounded; a name evicted
     * is merely looked up again.
     */
    private final Cache<String, Boolean> missing = Caffeine.newBuilder().maximumSize(MAX_MISSING).build();

    static boolean isAppPage(String path) {
        return APP_PAGE.matcher(path).matches();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        String path = request.getPath().pathWithinApplication().value();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        String file;
        if (isAppPage(path)) {
            file = "index.html";
            if (path.equals(EMBED_PATH) || path.equals(EMBED_PATH + "/")) {
                // Runs after the security headers writer (registered earlier in the chain), so this wins.
                exchange.getResponse().beforeCommit(() -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("Content-Security-Policy", EMBEDDABLE_CONTENT_SECURITY_POLICY);
                    headers.remove("X-Frame-Options");
                    return Mono.empty();
                });
            }
        } else if (STATIC_FILE.matcher(path).matches()) {
            file = path.substring(1);
        } else {
            return chain.filter(exchange);
        }
        return load(file).flatMap(found -> found.isEmpty() ? chain.filter(exchange) : write(exchange, file, found.get()));
    }

    private Mono<Void> write(ServerWebExchange exchange, String file, StaticFile f) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.setCacheControl(file.startsWith("assets/")
                ? CacheControl.maxAge(IMMUTABLE).cachePublic().immutable()
                : file.equals("index.html") ? CacheControl.noCache() : CacheControl.maxAge(SHORT).cachePublic());
        if (exchange.checkNotModified(f.etag())) {
            return response.setComplete();
        }
        headers.setContentType(f.type());
        headers.setContentLength(f.body().length);
        if (exchange.getRequest().getMethod() == HttpMethod.HEAD) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(f.body())));
    }

    /** Reads a built file from the class path once (off the event loop: the jar read blocks) and keeps it. */
    private Mono<Optional<StaticFile>> load(String file) {
        StaticFile cached = files.get(file);
        if (cached != null) {
            return Mono.just(Optional.of(cached));
        }
        if (missing.getIfPresent(file) != null) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromCallable(() -> {
            Optional<StaticFile> found = read(file);
            found.ifPresentOrElse(f -> files.putIfAbsent(file, f), () -> missing.put(file, Boolean.TRUE));
            return found;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** How many names this keeps, found or not (for the test that floods it). */
    long cachedNames() {
        missing.cleanUp();
        return files.size() + missing.estimatedSize();
    }

    private static Optional<StaticFile> read(String file) {
        ClassPathResource resource = new ClassPathResource("static/" + file);
        try {
            byte[] body = resource.getContentAsByteArray();
            MediaType type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
            if (type.getType().equals("text") || type.getSubtype().contains("javascript")
                    || type.getSubtype().contains("svg")) {
                type = new MediaType(type.getType(), type.getSubtype(), java.nio.charset.StandardCharsets.UTF_8);
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12) + "\"";
            return Optional.of(new StaticFile(body, type, etag));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
