/**
 * Webhooks: endpoints an organization's admins register, and signed deliveries to them (Standard Webhooks:
 * {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) of its events' changes, through a
 * durable queue of their own (at least once, in order per event, retried with backoff for a day, logged,
 * replayable), over the SSRF-safe {@link org.tocsin.outbound.OutboundHttp}. Payloads name events, never
 * attendees.
 */
package org.tocsin.webhooks;
