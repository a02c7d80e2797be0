package org.tocsin.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * iCal4j reads its configuration and resources from the classpath on first use. Doing that once at
 * start-up keeps those reads off the event loop (and the first subscriber's request fast).
 */
@Component
class IcsWarmUp implements SmartInitializingSingleton {

    @Override
    public void afterSingletonsInstantiated() {
        new Recur<LocalDateTime>("FREQ=WEEKLY;COUNT=2");
        ContentLines.fold(new Summary("warm-up").toString());
        // A TZID parameter makes iCal4j load its zone rules index (GlobalZoneRules) on first use.
        ContentLines.fold(
                new DtStart<>(new ParameterList(List.of(new TzId("Asia/Tehran"))), LocalDateTime.of(2026, 1, 1, 12, 0))
                        .toString());
        ContentLines.fold(TimeZoneComponents.of(
                        ZoneId.of("Europe/Berlin"), Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400 * 400))
                .toString());
    }
}
