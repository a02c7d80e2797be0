package org.tocsin.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure a client should be told about, answered as an RFC 9457 problem detail. Services throw
 * it (or return it in a {@code Mono.error}); {@link ProblemExceptionHandler} writes it.
 * The {@code type} is stable: clients may branch on it. The list is in the README.
 */
public final class ApiProblem extends RuntimeException {

    public static final String VALIDATION = "/problems/validation";
    public static final String MALFORMED_REQUEST = "/problems/malformed-request";
    public static final String UNAUTHENTICATED = "/problems/unauthenticated";
    public static final String BAD_CREDENTIALS = "/problems/bad-credentials";
    public static final String FORBIDDEN = "/problems/forbidden";
    public static final String CSRF = "/problems/csrf";
    public static final String NOT_FOUND = "/problems/not-found";
    public static final String METHOD_NOT_ALLOWED = "/problems/method-not-allowed";
    public static final String NOT_ACCEPTABLE = "/problems/not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "/problems/unsupported-media-type";
    public static final String PAYLOAD_TOO_LARGE = "/problems/payload-too-large";
    public static final String EMAIL_TAKEN = "/problems/email-taken";
    public static final String SLUG_TAKEN = "/problems/slug-taken";
    public static final String LAST_OWNER = "/problems/last-owner";
    public static final String CONFLICT = "/problems/conflict";
    /** The campaign takes events only from its own organization's ORGANIZERs (no submissions with approval yet). */
    public static final String CAMPAIGN_CLOSED = "/problems/campaign-closed";

    public static final String RSVPS_CLOSED = "/problems/rsvps-closed";
    public static final String EVENT_ENDED = "/problems/event-ended";
    public static final String EVENT_CANCELLED = "/problems/event-cancelled";
    public static final String NO_ROOM = "/problems/no-room";
    public static final String RATE_LIMITED = "/problems/rate-limited";
    public static final String INTERNAL = "/problems/internal";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Duration retryAfter;

    private ApiProblem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            List<FieldProblem> errors,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem of(HttpStatus status, String type, String title, String detail) {
        return new ApiProblem(status, type, title, detail, List.of(), null);
    }

    /** One bad field; {@code field} is the JSON path the client sent, e.g. {@code place.lat}. */
    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem invalid(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", detail, errors, null);
    }

    /** Unknown and forbidden-to-see objects answer alike, so nobody learns what exists. */
    public static ApiProblem notFound(String what) {
        return of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", what + " not found");
    }

    public static ApiProblem forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return of(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ApiProblem rateLimited(Duration retryAfter) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                RATE_LIMITED,
                "Too many requests",
                "Too many attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds",
                List.of(),
                retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** For 429 answers: when the client may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public record FieldProblem(String field, String message) {}
}
