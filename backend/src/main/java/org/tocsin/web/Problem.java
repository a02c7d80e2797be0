package org.tocsin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tocsin.kernel.Refusal;

/** The RFC 9457 body: what {@link ProblemResponses} writes for every 4xx and 5xx. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(
        String type, String title, int status, String detail, String instance, List<Refusal.FieldProblem> errors) {

    static Problem from(ApiProblem problem, String path) {
        return new Problem(
                problem.type(), problem.title(), problem.status().value(), problem.detail(), path, problem.errors());
    }
}
