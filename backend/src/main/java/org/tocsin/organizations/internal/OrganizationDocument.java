package org.tocsin.organizations.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization (a group or coalition). {@code ownerCount} is kept on this one document so that
 * "the last OWNER cannot leave" is decided atomically by a conditional update, without transactions
 * (which the embedded server lacks).
 */
@Document("organizations")
public record OrganizationDocument(
        @Id String id,
        String slug,
        String name,
        String description,
        int ownerCount,
        Instant createdAt,
        Instant updatedAt) {}
