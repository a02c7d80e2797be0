package org.tocsin.webhooks;

import java.util.List;
import org.tocsin.events.EventNotices;

/** The message types an endpoint may subscribe to. */
final class WebhookTypes {

    /** An event became listed (PUBLIC): created so, or changed to PUBLIC from UNLISTED or PRIVATE. */
    static final String EVENT_PUBLISHED = "event.published";
    /** The public RSVP counts of one of the organization's events changed; sent at most once per digest period. */
    static final String RSVP_COUNTS = "rsvp.counts_changed";
    /** An event was submitted to one of the organization's campaigns. */
    static final String SUBMISSION_RECEIVED = "submission.received";
    /** A submission to one of the organization's campaigns was approved, declined or returned for review. */
    static final String SUBMISSION_DECIDED = "submission.decided";

    static final List<String> ALL = List.of(
            "event.created",
            "event.updated",
            EVENT_PUBLISHED,
            "event.cancelled",
            "event.deleted",
            RSVP_COUNTS,
            SUBMISSION_RECEIVED,
            SUBMISSION_DECIDED);

    /**
     * What an endpoint registered without types receives: the event changes it always did. The other types are
     * asked for by name, so no receiver starts getting counts or campaign news it did not ask for.
     */
    static final List<String> DEFAULT = List.of("event.created", "event.updated", "event.cancelled", "event.deleted");

    private WebhookTypes() {}

    static String of(EventNotices.Kind kind) {
        return switch (kind) {
            case CREATED -> "event.created";
            case UPDATED -> "event.updated";
            case CANCELLED -> "event.cancelled";
            case DELETED -> "event.deleted";
        };
    }
}
