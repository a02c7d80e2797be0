package org.tocsin.web;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;
import org.tocsin.text.RefusedText;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure that reaches the web layer, from a controller, a router or the dispatcher
 * itself (unknown routes), into an RFC 9457 problem. Ordered before Spring Boot's own error
 * handler, so no HTML page or stack trace is ever answered.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses responses;

    ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return responses.write(exchange, toProblem(error, exchange));
    }

    ApiProblem toProblem(Throwable error, ServerWebExchange exchange) {
        return switch (error) {
            case Refusal refusal -> ApiProblem.from(refusal);
            case WebExchangeBindException bind -> ApiProblem.invalid(fieldProblems(bind));
            case ServerWebInputException input -> fromInput(input);
            case MethodNotAllowedException e ->
                ApiProblem.of(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        ApiProblem.METHOD_NOT_ALLOWED,
                        "Method not allowed",
                        e.getReason());
            case UnsupportedMediaTypeStatusException e ->
                ApiProblem.of(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        ApiProblem.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported media type",
                        "Send the request body as application/json");
            case NotAcceptableStatusException e ->
                ApiProblem.of(HttpStatus.NOT_ACCEPTABLE, ApiProblem.NOT_ACCEPTABLE, "Not acceptable", e.getReason());
            case PayloadTooLargeException e ->
                ApiProblem.of(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        ApiProblem.PAYLOAD_TOO_LARGE,
                        "Payload too large",
                        "The request body is too large");
            case ResponseStatusException e
            when e.getStatusCode().value() == 404 ->
                // The path is the problem's instance already; a fixed detail has its Persian.
                ApiProblem.notFound("Page");
            case ResponseStatusException e
            when e.getStatusCode().is4xxClientError() ->
                ApiProblem.of(
                        HttpStatus.valueOf(e.getStatusCode().value()),
                        ApiProblem.MALFORMED_REQUEST,
                        "Bad request",
                        e.getReason());
            case DuplicateKeyException e -> ApiProblem.conflict("This conflicts with something that already exists");
            case OptimisticLockingFailureException e ->
                ApiProblem.conflict("Someone else changed this at the same time; reload and try again");
            default -> internal(error, exchange);
        };
    }

    private static ApiProblem internal(Throwable error, ServerWebExchange exchange) {
        // The path is logged without its query, and capability paths without their token.
        String path = exchange.getRequest().getPath().value();
        log.error("Unhandled failure on {} {}", exchange.getRequest().getMethod(), withoutToken(path), error);
        return ApiProblem.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ApiProblem.INTERNAL,
                "Internal error",
                "Something went wrong on our side; nothing you sent was stored unless you were told so");
    }

    /** Paths that carry a capability token after them: private feeds, RSVP manage links, invitation links. */
    private static final List<String> CAPABILITY_PATHS =
            List.of("/feeds/private/", "/api/v1/rsvps/", "/rsvp/", "/api/v1/invitations/", "/join/");

    /** Capability paths (API and web page) are logged without their token. */
    static String withoutToken(String path) {
        for (String prefix : CAPABILITY_PATHS) {
            if (path.startsWith(prefix)) {
                return prefix + "[token]";
            }
        }
        return path;
    }

    private static List<Refusal.FieldProblem> fieldProblems(WebExchangeBindException bind) {
        List<Refusal.FieldProblem> fields = bind.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(e -> new Refusal.FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        if (!fields.isEmpty()) {
            return fields;
        }
        return bind.getGlobalErrors().stream()
                .map(e -> new Refusal.FieldProblem(e.getObjectName(), e.getDefaultMessage()))
                .toList();
    }

    /** Malformed JSON, wrong types, unknown enum values and unknown properties: a 400 naming the field. */
    private static ApiProblem fromInput(ServerWebInputException input) {
        Throwable cause = input.getCause();
        while (cause instanceof DecodingException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException jackson) {
            String field = fieldPath(jackson);
            String message = switch (jackson) {
                case UnrecognizedPropertyException e -> "is not a known property";
                case DateRangeModule.OutOfRange e -> Dates.OUT_OF_RANGE;
                case InvalidFormatException e -> "has a value of the wrong form: " + e.getValue();
                case RefusedText e -> e.reason();
                case MismatchedInputException e -> "has a value of the wrong type";
                default -> "could not be read";
            };
            if (!field.isEmpty()) {
                return ApiProblem.invalid(field, message);
            }
            return ApiProblem.of(
                    HttpStatus.BAD_REQUEST,
                    ApiProblem.MALFORMED_REQUEST,
                    "Malformed request",
                    "The request body is not valid JSON");
        }
        boolean isBody = input.getMethodParameter() != null
                && input.getMethodParameter().hasParameterAnnotation(RequestBody.class);
        if (isBody) {
            return ApiProblem.of(
                    HttpStatus.BAD_REQUEST,
                    ApiProblem.MALFORMED_REQUEST,
                    "Malformed request",
                    "The request body is missing or is not valid JSON");
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            return ApiProblem.invalid(
                    input.getMethodParameter().getParameterName(),
                    input.getReason() == null ? "is invalid" : input.getReason());
        }
        return ApiProblem.of(
                HttpStatus.BAD_REQUEST,
                ApiProblem.MALFORMED_REQUEST,
                "Malformed request",
                input.getReason() == null ? "The request could not be read" : input.getReason());
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
