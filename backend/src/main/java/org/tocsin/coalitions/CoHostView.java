package org.tocsin.coalitions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A co-hosting invitation as the host's and the invited organization's members see it: the event, both
 * organizations, where it stands and when. Not who invited or decided (the audit log says that).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CoHostView(
        String id,
        String event,
        String eventTitle,
        Organization host,
        Organization organization,
        CoHostState state,
        Instant invitedAt,
        Instant decidedAt) {

    record Organization(String slug, String name) {}
}
