package org.tocsin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The RFC 9457 body: what {@link ProblemResponses} writes for every 4xx and 5xx. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(
        String type, String title, int status, String detail, String instance, List<ApiProblem.FieldProblem> errors) {

    static Problem from(ApiProblem problem, String path) {
        return new Problem(
                problem.type(),
                problem.title(),
                problem.status().value(),
                problem.getMessage(),
                path,
                problem.errors());
    }
}
