/**
 * Operators' metrics, opt-in (the {@code metrics} profile sets {@code tocsin.metrics.enabled}): feed
 * requests by outcome (the 304 share), discovery latency, RSVPs, and the mail queue's depth, exported
 * with the failure counters of {@link org.tocsin.kernel.OperatorMetrics} on the management port only.
 * Nothing here is recorded unless enabled; no meter is tagged with an address, an id or user text.
 */
package org.tocsin.metrics;
