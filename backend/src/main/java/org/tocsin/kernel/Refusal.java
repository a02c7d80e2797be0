package org.tocsin.kernel;

import java.time.Duration;
import java.util.List;

/**
 * Why Tocsin refuses what a caller asked, in the domain's words: services and request checks throw it
 * (or return it in a {@code Mono.error}). It knows nothing of HTTP; the web edge alone gives each
 * {@link Reason} its status, problem type and title. The message is the detail the caller reads.
 */
public final class Refusal extends RuntimeException {

    /** The reasons a caller may branch on; each is one problem type at the edge. */
    public enum Reason {
        /** One or more fields are wrong; {@link #fields()} names them. */
        INVALID,
        /** The email or the password is wrong, and which one is not said. */
        BAD_CREDENTIALS,
        /** The second sign-in step failed: a wrong, used or late code; which one is not said. */
        BAD_SECOND_FACTOR,
        /** A two-factor code given to set up or change two-factor sign-in is wrong. */
        WRONG_CODE,
        /** The organization requires two-factor sign-in of its organizers, and the caller has none yet. */
        TWO_FACTOR_REQUIRED,
        /** The account's address is not verified yet, and what was asked needs it (organizer roles). */
        EMAIL_NOT_VERIFIED,
        FORBIDDEN,
        /** The campaign takes events only from its own organization's ORGANIZERs. */
        CAMPAIGN_CLOSED,
        /** Unknown and forbidden-to-see objects are refused alike, so nobody learns what exists. */
        NOT_FOUND,
        /** Someone else changed the same thing at the same time, or it exists already. */
        CONFLICT,
        EMAIL_TAKEN,
        SLUG_TAKEN,
        /** The change would leave an organization without an OWNER. */
        LAST_OWNER,
        RSVPS_CLOSED,
        EVENT_ENDED,
        EVENT_CANCELLED,
        NO_ROOM,
        /** Too many attempts; {@link #retryAfter()} says when to try again. */
        RATE_LIMITED,
        /** Nothing was wrong with the request, but it could not be completed now; try again. */
        TRY_AGAIN
    }

    private final Reason reason;
    private final List<FieldProblem> fields;
    private final Duration retryAfter;

    private Refusal(Reason reason, String detail, List<FieldProblem> fields, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.fields = List.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    public static Refusal of(Reason reason, String detail) {
        return new Refusal(reason, detail, List.of(), null);
    }

    /** A refusal that names what it is about, one entry each (e.g. the organizations blocking a deletion). */
    public static Refusal of(Reason reason, String detail, List<FieldProblem> about) {
        return new Refusal(reason, detail, about, null);
    }

    /** One bad field; {@code field} is the JSON path the client sent, e.g. {@code place.lat}. */
    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static Refusal invalid(List<FieldProblem> fields) {
        String detail = fields.size() == 1
                ? fields.getFirst().field() + ": " + fields.getFirst().message()
                : fields.size() + " fields are invalid";
        return new Refusal(Reason.INVALID, detail, fields, null);
    }

    public static Refusal notFound(String what) {
        return of(Reason.NOT_FOUND, what + " not found");
    }

    public static Refusal forbidden(String detail) {
        return of(Reason.FORBIDDEN, detail);
    }

    public static Refusal rateLimited(Duration retryAfter) {
        return new Refusal(
                Reason.RATE_LIMITED,
                "Too many attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds",
                List.of(),
                retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#INVALID}: the fields at fault, in the order found. */
    public List<FieldProblem> fields() {
        return fields;
    }

    /** For {@link Reason#RATE_LIMITED}: when the caller may try again; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public record FieldProblem(String field, String message) {}
}
