package org.tocsin.kernel;

import io.micrometer.core.instrument.Metrics;

/**
 * The failure counters operators watch, named in one place (docs/observability.md lists them). They go to
 * Micrometer's global registry, which Spring Boot binds its registries to with the {@code metrics} profile
 * (Prometheus's); without it no registry is bound and the counters count nothing. Counted on failure paths only,
 * so they cost nothing on a healthy request. No tag carries an address, an id or anything a user wrote.
 */
public final class OperatorMetrics {

    private OperatorMetrics() {}

    /** Every counter at zero, so that a rate over it exists before its first failure (the metrics profile). */
    public static void registerAll() {
        for (boolean last : new boolean[] {false, true}) {
            Metrics.counter("tocsin.mail.failures", "outcome", last ? "dropped" : "retrying");
            Metrics.counter("tocsin.webhook.failures", "outcome", last ? "given_up" : "retrying");
        }
        for (String kind : new String[] {"calendar", "bulk_rejected", "bulk_failed"}) {
            Metrics.counter("tocsin.import.failures", "kind", kind);
        }
    }

    /** A mail attempt failed: {@code dropped} when it was the last one allowed and the mail is given up. */
    public static void mailFailed(boolean dropped) {
        Metrics.counter("tocsin.mail.failures", "outcome", dropped ? "dropped" : "retrying")
                .increment();
    }

    /** A webhook delivery attempt failed: {@code givenUp} when it will not be tried again. */
    public static void webhookFailed(boolean givenUp) {
        Metrics.counter("tocsin.webhook.failures", "outcome", givenUp ? "given_up" : "retrying")
                .increment();
    }

    /**
     * An import failed: {@code calendar} (a partner calendar's sync), {@code bulk_rejected} (a bulk file with
     * a refused line, nothing stored) or {@code bulk_failed} (a server fault while writing a bulk file).
     */
    public static void importFailed(String kind) {
        Metrics.counter("tocsin.import.failures", "kind", kind).increment();
    }
}
