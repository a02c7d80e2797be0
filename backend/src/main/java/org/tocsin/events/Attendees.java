package org.tocsin.events;

import reactor.core.publisher.Mono;

/**
 * Whether a signed-in person's answer to an event is GOING (approved, if the event asks for approval),
 * for what only attendees may read (private notes). Declared here and implemented by the rsvps
 * feature, so that events never depends on rsvps. A yes or no, nothing about anyone else.
 */
public interface Attendees {

    Mono<Boolean> isGoing(String userId, String eventId);
}
