package org.tocsin.organizations.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tocsin.organizations.Role;

/** One person's role in one organization; unique per (organizationId, userId). */
@Document("memberships")
public record MembershipDocument(@Id String id, String organizationId, String userId, Role role, Instant since) {}
