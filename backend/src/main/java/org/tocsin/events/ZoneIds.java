package org.tocsin.events;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Only region zones ("Asia/Tehran"), never fixed offsets ("+03:30", "GMT+1"): a series needs the
 * zone's rules to keep its wall time across daylight-saving changes, and feeds emit TZID with a
 * VTIMEZONE built from those rules.
 */
public final class ZoneIds {

    private ZoneIds() {}

    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(id.strip());
            if (zone instanceof ZoneOffset
                    || !zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                return Optional.empty();
            }
            return Optional.of(zone);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** For stored, already validated ids. */
    public static ZoneId of(String id) {
        return ZoneId.of(id);
    }
}
