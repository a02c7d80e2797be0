package org.tocsin.organizations.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization's requirement of two-factor sign-in from its ORGANIZER+ members (the id is the
 * organization's). Kept apart from the organization document: only access checks read it.
 */
@Document("organization_two_factor_policies")
public record TwoFactorPolicyDocument(@Id String id, boolean required, Instant since) {}
