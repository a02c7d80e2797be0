package org.tocsin.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tocsin.text.UserText;
import reactor.core.publisher.Mono;

/**
 * The query string's share of {@link UserTextModule}: a parameter (name or value) holding a control
 * character is refused on every route, 400 naming it, before any handler sees it; so {@code q=},
 * {@code city=} or a cursor can never carry one into a log line, a cache key or a document. Values
 * are not rewritten: what reads them already folds case, accents and forms (search terms, city keys
 * and tags compare NFKD/NFKC, slugs are ASCII). After Spring Security (order -100), so that a refused
 * answer still carries its headers.
 */
@Component
@Order(0)
class QueryText implements WebFilter {

    private final ProblemResponses problems;

    QueryText(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return chain.filter(exchange);
        }
        for (Map.Entry<String, List<String>> parameter :
                exchange.getRequest().getQueryParams().entrySet()) {
            String problem = problem(parameter.getKey());
            if (problem != null) {
                return problems.write(exchange, ApiProblem.invalid("query", "has a parameter name that " + problem));
            }
            for (String value : parameter.getValue()) {
                problem = problem(value);
                if (problem != null) {
                    return problems.write(exchange, ApiProblem.invalid(parameter.getKey(), problem));
                }
            }
        }
        return chain.filter(exchange);
    }

    private static String problem(String text) {
        try {
            UserText.oneLine(text);
            return null;
        } catch (UserText.Refused refused) {
            return refused.getMessage();
        }
    }
}
