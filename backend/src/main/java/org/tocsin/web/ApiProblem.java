package org.tocsin.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.tocsin.kernel.Refusal;

/**
 * A failure a client should be told about, as an RFC 9457 problem detail: a domain {@link Refusal}
 * mapped to its status, type and title ({@link #from}), or a failure only the edge knows (a request
 * that did not decode, an unknown route, a missing session). {@link ProblemResponses} writes it;
 * {@code retryAfter} is set for 429 answers only.
 * The {@code type} is stable: clients may branch on it. The list is in the README.
 */
public record ApiProblem(
        HttpStatus status,
        String type,
        String title,
        String detail,
        List<Refusal.FieldProblem> errors,
        Duration retryAfter) {

    public static final String VALIDATION = "/problems/validation";
    public static final String MALFORMED_REQUEST = "/problems/malformed-request";
    public static final String UNAUTHENTICATED = "/problems/unauthenticated";
    public static final String BAD_CREDENTIALS = "/problems/bad-credentials";
    public static final String BAD_SECOND_FACTOR = "/problems/bad-second-factor";
    public static final String TWO_FACTOR_REQUIRED = "/problems/two-factor-required";
    public static final String EMAIL_NOT_VERIFIED = "/problems/email-not-verified";
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

    public ApiProblem {
        errors = List.copyOf(errors);
    }

    static ApiProblem of(HttpStatus status, String type, String title, String detail) {
        return new ApiProblem(status, type, title, detail, List.of(), null);
    }

    /** The one place a domain {@link Refusal} gets its status, problem type and title. */
    static ApiProblem from(Refusal refusal) {
        return new ApiProblem(
                status(refusal.reason()),
                type(refusal.reason()),
                title(refusal.reason()),
                refusal.getMessage(),
                refusal.fields(),
                refusal.retryAfter());
    }

    private static HttpStatus status(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case BAD_CREDENTIALS, BAD_SECOND_FACTOR -> HttpStatus.UNAUTHORIZED;
            case WRONG_CODE -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN, CAMPAIGN_CLOSED, TWO_FACTOR_REQUIRED, EMAIL_NOT_VERIFIED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT, EMAIL_TAKEN, SLUG_TAKEN, LAST_OWNER, RSVPS_CLOSED, EVENT_ENDED, EVENT_CANCELLED, NO_ROOM ->
                HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case TRY_AGAIN -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static String type(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID -> VALIDATION;
            case BAD_CREDENTIALS -> BAD_CREDENTIALS;
            case BAD_SECOND_FACTOR, WRONG_CODE -> BAD_SECOND_FACTOR;
            case TWO_FACTOR_REQUIRED -> TWO_FACTOR_REQUIRED;
            case EMAIL_NOT_VERIFIED -> EMAIL_NOT_VERIFIED;
            case FORBIDDEN -> FORBIDDEN;
            case CAMPAIGN_CLOSED -> CAMPAIGN_CLOSED;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case EMAIL_TAKEN -> EMAIL_TAKEN;
            case SLUG_TAKEN -> SLUG_TAKEN;
            case LAST_OWNER -> LAST_OWNER;
            case RSVPS_CLOSED -> RSVPS_CLOSED;
            case EVENT_ENDED -> EVENT_ENDED;
            case EVENT_CANCELLED -> EVENT_CANCELLED;
            case NO_ROOM -> NO_ROOM;
            case RATE_LIMITED -> RATE_LIMITED;
            // A 503 shares the type of a 500: the client's answer to both is to try again later.
            case TRY_AGAIN -> INTERNAL;
        };
    }

    private static String title(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID -> "Invalid request";
            case BAD_CREDENTIALS, BAD_SECOND_FACTOR -> "Sign-in failed";
            case WRONG_CODE -> "Wrong code";
            case TWO_FACTOR_REQUIRED -> "Two-factor sign-in required";
            case EMAIL_NOT_VERIFIED -> "Email address not verified";
            case FORBIDDEN -> "Forbidden";
            case CAMPAIGN_CLOSED -> "Campaign closed to your events";
            case NOT_FOUND -> "Not found";
            case CONFLICT, EMAIL_TAKEN, SLUG_TAKEN, LAST_OWNER -> "Conflict";
            case RSVPS_CLOSED -> "RSVPs closed";
            case EVENT_ENDED -> "Event ended";
            case EVENT_CANCELLED -> "Event cancelled";
            case NO_ROOM -> "No room";
            case RATE_LIMITED -> "Too many requests";
            case TRY_AGAIN -> "Try again";
        };
    }

    /** One bad field, found at the edge (a query parameter, a body that did not decode). */
    static ApiProblem invalid(String field, String message) {
        return from(Refusal.invalid(field, message));
    }

    static ApiProblem invalid(List<Refusal.FieldProblem> errors) {
        return from(Refusal.invalid(errors));
    }

    static ApiProblem notFound(String what) {
        return from(Refusal.notFound(what));
    }

    static ApiProblem forbidden(String detail) {
        return from(Refusal.forbidden(detail));
    }

    static ApiProblem conflict(String detail) {
        return from(Refusal.of(Refusal.Reason.CONFLICT, detail));
    }
}
