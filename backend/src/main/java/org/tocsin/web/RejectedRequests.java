package org.tocsin.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall rejects, before any other filter runs, paths it will not route safely:
 * encoded slashes and NULs, {@code ..}, {@code //}, and control characters in headers. Its own
 * answer was a bare 400; this makes it a problem like every other error. Spring Security picks the
 * bean up by its type. The reason is not echoed: it may quote the path.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    RejectedRequests(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(
                exchange,
                ApiProblem.of(
                        HttpStatus.BAD_REQUEST,
                        ApiProblem.MALFORMED_REQUEST,
                        "Malformed request",
                        "The request was rejected: paths may not contain encoded slashes or NULs, "
                                + "'..' or '//', and headers no control characters"));
    }
}
