package org.tocsin.mail.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mail waiting to be sent. Deleted once sent (or given up on): sent mail and its address are not kept.
 *
 * @param state QUEUED, or SENDING while a replica holds it
 * @param dueAt QUEUED: when to try next; SENDING: when the lease ends and another replica may take it over
 * @param claim the token of the replica's attempt that holds it, so a late attempt cannot release a newer one
 * @param attempts attempts started, counted when claimed
 */
@Document("outbox")
public record OutboxMail(
        @Id String id,
        String to,
        String subject,
        String text,
        List<Attachment> attachments,
        State state,
        Instant dueAt,
        String claim,
        int attempts,
        Instant createdAt) {

    public enum State {
        QUEUED,
        SENDING
    }

    public record Attachment(String filename, String contentType, byte[] content) {}
}
