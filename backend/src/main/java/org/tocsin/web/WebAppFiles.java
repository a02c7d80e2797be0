package org.tocsin.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The web app's built files ({@code classpath:static/}, from the frontend module), served by Spring's
 * resource handling: {@code /assets/…} carry content hashes and are cached for a year, the rest
 * ({@code /widget/…}, {@code index.html}) is revalidated with an ETag. Its page paths reach
 * {@code index.html} through {@link WebAppRoutes}.
 * <p>
 * A file found is read from the jar once, off the event loop (the jar read blocks), and kept in memory
 * with its ETag; only files found are kept, so a flood of unknown names cannot grow it.
 */
@Configuration
class WebAppFiles implements WebFluxConfigurer {

    private static final Duration IMMUTABLE = Duration.ofDays(365);
    private static final Duration SHORT = Duration.ofMinutes(5);
    private static final String LOCATION = "classpath:/static/";

    /** Files found, by request path (and accepted encoding); bounded by what the jar holds. */
    private final ConcurrentMapCache found = new ConcurrentMapCache("web-app-files");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        serve(
                registry.addResourceHandler("/assets/**"),
                LOCATION + "assets/",
                CacheControl.maxAge(IMMUTABLE).cachePublic().immutable());
        serve(registry.addResourceHandler("/index.html"), LOCATION, CacheControl.noCache());
        serve(
                registry.addResourceHandler("/**"),
                LOCATION,
                CacheControl.maxAge(SHORT).cachePublic());
    }

    private void serve(ResourceHandlerRegistration registration, String location, CacheControl cacheControl) {
        registration
                .addResourceLocations(location)
                .setCacheControl(cacheControl)
                // Jar entry times say nothing a client can use; the ETag is the content's.
                .setUseLastModified(false)
                .setEtagGenerator(resource -> resource instanceof BuiltFile file ? file.etag : null);
        registration.setMediaTypes(Map.of(
                "html",
                utf8(MediaType.TEXT_HTML),
                "css",
                utf8(new MediaType("text", "css")),
                "js",
                utf8(new MediaType("text", "javascript")),
                "svg",
                utf8(new MediaType("image", "svg+xml"))));
        registration.resourceChain(true, found).addResolver(new InMemory());
    }

    /** How many files are kept in memory (for the test that floods it with unknown names). */
    long cachedNames() {
        return found.getNativeCache().size();
    }

    private static MediaType utf8(MediaType type) {
        return new MediaType(type, StandardCharsets.UTF_8);
    }

    /** Looks up and reads what the next resolver finds into memory, off the event loop. */
    private static final class InMemory extends AbstractResourceResolver {

        @Override
        protected Mono<Resource> resolveResourceInternal(
                ServerWebExchange exchange,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            // Looking a name up in the jar blocks too (the first look opens it), found or not.
            return chain.resolveResource(exchange, requestPath, locations)
                    .map(resource -> resource instanceof BuiltFile ? resource : BuiltFile.read(resource))
                    .subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        protected Mono<String> resolveUrlPathInternal(
                String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourceUrlPath, locations);
        }
    }

    /** A built file's bytes, name (for its media type) and ETag (a hash of the bytes). */
    private static final class BuiltFile extends ByteArrayResource {

        private final String filename;
        private final String etag;

        private BuiltFile(byte[] body, String filename) {
            super(body, filename);
            this.filename = filename;
            try {
                this.etag = "\""
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static BuiltFile read(Resource resource) {
            try {
                return new BuiltFile(resource.getContentAsByteArray(), resource.getFilename());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
