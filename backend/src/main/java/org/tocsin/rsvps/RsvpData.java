package org.tocsin.rsvps;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.PersonalData;
import org.tocsin.events.EventLookup;
import org.tocsin.events.EventView;
import org.tocsin.kernel.Refusal;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * A person's own RSVPs (made while signed in), for their export, each with its event as they may see it
 * (the exact place only where they are going). Guests' RSVPs are not tied to an account and are not here.
 */
@Component
class RsvpData implements PersonalData {

    private final RsvpStore store;
    private final EventLookup events;

    RsvpData(RsvpStore store, EventLookup events) {
        this.store = store;
        this.events = events;
    }

    record Entry(
            String id,
            String name,
            String email,
            RsvpResponse response,
            int guests,
            RsvpState state,
            Instant occurrenceStart,
            Instant createdAt,
            EventView event) {}

    private static Entry entry(RsvpDocument r, EventView event) {
        return new Entry(
                r.id(),
                r.name(),
                r.email(),
                r.response(),
                r.guests(),
                r.state(),
                r.occurrenceStartUtc(),
                r.createdAt(),
                event);
    }

    @Override
    public String kind() {
        return "rsvps";
    }

    @Override
    public Mono<List<?>> of(String userId) {
        return store.ofUser(userId, EnumSet.allOf(RsvpState.class))
                .take(MAX_ENTRIES)
                .concatMap(
                        (RsvpDocument r) -> events.viewFor(r.eventId(), r.occurrenceKey(), r.state() == RsvpState.GOING)
                                // An event deleted since: the RSVP is listed without it.
                                .onErrorResume(Refusal.class, e -> Mono.empty())
                                .map(e -> entry(r, e))
                                .defaultIfEmpty(entry(r, null)))
                .collectList()
                .map(list -> list);
    }
}
