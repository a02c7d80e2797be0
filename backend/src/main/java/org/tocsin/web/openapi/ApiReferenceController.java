package org.tocsin.web.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /docs/api}: the API reference, served by Tocsin itself from its own OpenAPI document (the same one
 * {@code /v3/api-docs} answers), and its stylesheet. Public, like the document.
 */
@Hidden
@RestController
class ApiReferenceController {

    static final String PATH = "/docs/api";

    private final OpenApiWebfluxResource openApi;
    private final JsonMapper json;
    private final ApiReference reference;
    private final Resource stylesheet = new ClassPathResource("openapi/reference.css");

    ApiReferenceController(OpenApiWebfluxResource openApi, JsonMapper json) {
        this.openApi = openApi;
        this.json = json;
        this.reference = new ApiReference(json);
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<String>> page(ServerHttpRequest request) {
        // springdoc builds its document once, under a lock (pre-loaded at start-up): off the event loop.
        return Mono.fromCallable(() -> openApi.openapiJson(request, "/v3/api-docs", Locale.ROOT))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(bytes -> bytes)
                .map(bytes -> reference.render(json.readTree(bytes)))
                .map(html -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache())
                        .body(html));
    }

    @GetMapping(PATH + ".css")
    ResponseEntity<Resource> stylesheet() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(stylesheet);
    }
}
