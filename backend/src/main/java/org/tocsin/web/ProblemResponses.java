package org.tocsin.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiProblem} as {@code application/problem+json}; shared by MVC-style handlers and security. */
@Component
public class ProblemResponses {

    private final JsonMapper json;
    private final ProblemTexts texts;

    ProblemResponses(JsonMapper json, ProblemTexts texts) {
        this.json = json;
        this.texts = texts;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        if (problem.retryAfter() != null) {
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        // In the caller's language (Accept-Language); the type, status and field names never change.
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        Problem english = Problem.from(problem, exchange.getRequest().getPath().value());
        byte[] body = json.writeValueAsString(texts.localise(english, Language.of(exchange.getRequest())))
                .getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
