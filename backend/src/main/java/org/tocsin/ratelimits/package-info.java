/**
 * Limits on how often one party may try an action (sign-ins, sign-ups, RSVPs, invitation uses): the
 * buckets ({@link org.tocsin.ratelimits.RateLimiter}), their configuration, and who counts as one
 * party ({@link org.tocsin.ratelimits.ClientAddress}). A feature of its own, not the HTTP edge: each
 * controller chooses which limit an action spends and under which key (an address, an account, both),
 * and the refusal it raises is a domain {@link org.tocsin.kernel.Refusal} the edge maps to 429.
 */
package org.tocsin.ratelimits;
