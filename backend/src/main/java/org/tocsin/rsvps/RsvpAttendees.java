package org.tocsin.rsvps;

import java.util.EnumSet;
import org.springframework.stereotype.Component;
import org.tocsin.events.Attendees;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/** The events feature's question "is this person going?", answered from their own RSVPs (GOING only). */
@Component
class RsvpAttendees implements Attendees {

    private final RsvpStore store;

    RsvpAttendees(RsvpStore store) {
        this.store = store;
    }

    @Override
    public Mono<Boolean> isGoing(String userId, String eventId) {
        return store.ofUser(userId, EnumSet.of(RsvpState.GOING))
                .any(r -> r.eventId().equals(eventId));
    }
}
