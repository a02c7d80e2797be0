package org.tocsin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tocsin.support.IntegrationTest;

/**
 * Without the {@code metrics} profile, Boot's metrics and observation auto-configurations are not loaded at all
 * ({@code spring.autoconfigure.exclude}): they recorded into a registry nobody read and cost every start 60 beans
 * (docs/performance.md). {@link OperatorMetricsTest} checks that the profile brings them back.
 */
class NoMetersByDefaultTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutTheMetricsProfileNoRegistryNoBinderAndNoObservationsAreMade() {
        assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(MeterBinder.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
        // Tocsin's own failure counters go to the global registry, which then has nothing under it.
        assertThat(Metrics.globalRegistry.getRegistries()).isEmpty();
    }
}
