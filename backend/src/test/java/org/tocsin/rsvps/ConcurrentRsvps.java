package org.tocsin.rsvps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Fires many RSVPs at once, spread over one or more running instances (base URLs), all in flight
 * together: the way a popular event's announcement hits the servers.
 */
final class ConcurrentRsvps {

    private ConcurrentRsvps() {}

    /** The answers (status 201 each), in no particular order. */
    static List<JsonNode> answer(
            List<String> baseUrls, String csrf, String eventId, int count, java.util.function.IntUnaryOperator guests) {
        List<WebClient> clients = baseUrls.stream()
                .map(url -> WebClient.builder()
                        .baseUrl(url)
                        .codecs(c -> c.defaultCodecs().maxInMemorySize(1024 * 1024))
                        .build())
                .toList();
        return Flux.range(0, count)
                .flatMap(
                        i -> clients.get(i % clients.size())
                                .post()
                                .uri("/api/v1/events/" + eventId + "/rsvps")
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("X-XSRF-TOKEN", csrf)
                                .header(HttpHeaders.COOKIE, "XSRF-TOKEN=" + csrf)
                                .bodyValue(Map.of(
                                        "name", "Person " + i, "response", "GOING", "guests", guests.applyAsInt(i)))
                                .retrieve()
                                .bodyToMono(JsonNode.class),
                        count)
                .collectList()
                .block(Duration.ofMinutes(3));
    }
}
