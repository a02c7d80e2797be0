package org.tocsin.pages;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;
import org.tocsin.events.EventView;

/** The page of an event, or of one date of a series ({@code ?occurrence=} its original local start), as the app links it. */
final class EventLinks {

    private EventLinks() {}

    static String path(EventView view) {
        String path = "/events/" + UriUtils.encodePathSegment(view.id(), StandardCharsets.UTF_8);
        return view.recurrenceId() == null
                ? path
                : path + "?occurrence=" + UriUtils.encodeQueryParam(view.recurrenceId(), StandardCharsets.UTF_8);
    }
}
