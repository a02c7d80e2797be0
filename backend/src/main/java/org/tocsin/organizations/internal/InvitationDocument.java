package org.tocsin.organizations.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.organizations.Role;

/**
 * An invitation link into an organization. Only the SHA-256 of its token is stored ({@code tokenHash});
 * {@code uses} is counted up by a conditional update ({@code uses < maxUses}), so a link never admits
 * more people than it allows, whatever arrives at once. Who accepted is not kept here: the membership says it.
 * {@code createdBy} is kept so that a link dies with its maker's right to invite (removed, demoted).
 */
@Document("invitations")
public record InvitationDocument(
        @Id String id,
        String organizationId,
        String tokenHash,
        Role role,
        int maxUses,
        int uses,
        Instant expiresAt,
        Instant createdAt,
        String createdBy) {}
