package org.tocsin.calendars.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's calendar feed of their RSVPs: one per user ({@code _id} is the user id). The token is
 * looked up by its SHA-256 (the collection keeps the name it had when the rsvps feature held it); it is also kept as issued, because {@code GET /api/v1/me} shows the feed
 * address. That exposes nothing a database reader could not see anyway (the RSVPs themselves are in the
 * same database), and rotating or revoking it closes the old address at once.
 */
@Document("rsvp_feeds")
public record PersonalFeedDocument(@Id String userId, String tokenHash, String token, Instant createdAt) {}
