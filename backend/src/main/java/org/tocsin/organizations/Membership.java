package org.tocsin.organizations;

import java.time.Instant;

/**
 * One person's membership as other features see it. The id is new each time someone joins: leaving and
 * joining again is a new membership, so whatever another feature bound to the old one (a members-only
 * feed token) stays dead.
 */
public record Membership(String id, Role role, Instant since) {}
