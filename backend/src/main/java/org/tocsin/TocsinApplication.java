package org.tocsin;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tocsin.storage.DatabaseOnlyServer;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TocsinApplication {

    public static void main(String[] args) {
        // Replicas on one host without a MongoDB install: one process is only their shared database.
        if (DatabaseOnlyServer.requested(args)) {
            DatabaseOnlyServer.run(args);
            return;
        }
        SpringApplication application = new SpringApplication(TocsinApplication.class);
        application.addListeners(new AheadOfTimeStart());
        application.run(args);
    }

    /**
     * Every feature reads the time from here, so tests can move it. It ticks in milliseconds, the precision
     * MongoDB stores: an instant kept in memory (the read model) then equals the one read back after a restart
     * or a restore, so no answer, ETag or cursor changes with where it came from.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
