package org.tocsin.webhooks;

import java.util.List;
import org.tocsin.events.EventNotices;

/** The message types an endpoint may subscribe to. */
final class WebhookTypes {

    static final List<String> ALL = List.of("event.created", "event.updated", "event.cancelled", "event.deleted");

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
