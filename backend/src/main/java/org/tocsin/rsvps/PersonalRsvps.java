package org.tocsin.rsvps;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tocsin.events.Occurrence;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.rsvps.internal.RsvpStore;
import reactor.core.publisher.Mono;

/**
 * The rsvps feature's read API for a person's own calendar (kept by the calendars feature): which
 * events they mean to go to.
 */
@Service
public class PersonalRsvps {

    /** GOING or MAYBE, waitlisted and pending included: they still mean to go. */
    private static final Set<RsvpState> LISTED =
            EnumSet.of(RsvpState.GOING, RsvpState.MAYBE, RsvpState.WAITLISTED, RsvpState.PENDING);

    private final RsvpStore store;

    PersonalRsvps(RsvpStore store) {
        this.store = store;
    }

    /**
     * @param events the events the person means to go to
     * @param going  those of them their answer is GOING to: an event kept for attendees shows them its place
     * @param dates  of a series, the dates (occurrence keys) they answered
     */
    public record Answers(Set<String> events, Set<String> going, Map<String, Set<String>> dates) {}

    public Mono<Answers> of(String userId) {
        return store.ofUser(userId, LISTED)
                .collectList()
                .map(rsvps -> new Answers(
                        rsvps.stream().map(RsvpDocument::eventId).collect(Collectors.toUnmodifiableSet()),
                        rsvps.stream()
                                .filter(r -> r.state() == RsvpState.GOING)
                                .map(RsvpDocument::eventId)
                                .collect(Collectors.toUnmodifiableSet()),
                        // An RSVP to a series is to one date: the person's calendar carries that date only.
                        rsvps.stream()
                                .filter(r -> !Occurrence.ONCE.equals(r.occurrenceKey()))
                                .collect(Collectors.groupingBy(
                                        RsvpDocument::eventId,
                                        Collectors.mapping(RsvpDocument::occurrenceKey, Collectors.toSet())))));
    }
}
