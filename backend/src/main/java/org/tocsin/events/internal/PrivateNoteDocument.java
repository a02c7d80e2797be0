package org.tocsin.events.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event's notes for its attendees (id: the event's id), apart from the event: nothing that reads
 * events (the read model, views, feeds, search) ever holds them, so no public output can carry them.
 */
@Document("event_notes")
public record PrivateNoteDocument(@Id String eventId, String text, String html, Instant updatedAt) {}
