package org.tocsin.imports;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * IANA zones named the ways calendar programs name them: plainly ("Europe/Berlin"), behind a vendor prefix
 * ("/mozilla.org/20050126_1/Europe/Berlin", "/citadel.org/.../Europe/Berlin"), or by Windows name as Outlook
 * and Exchange write them ("W. Europe Standard Time"; the commonest, from CLDR's windowsZones table).
 */
final class IcsZones {

    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Iran Standard Time", "Asia/Tehran"),
            Map.entry("Arabian Standard Time", "Asia/Dubai"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("Pacific SA Standard Time", "America/Santiago"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("Argentina Standard Time", "America/Buenos_Aires"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"));

    private IcsZones() {}

    /** The IANA zone {@code tzid} names, or null when it names none Tocsin knows. */
    static ZoneId zone(String tzid) {
        if (tzid == null || tzid.isBlank() || tzid.length() > 200) {
            return null;
        }
        String id = tzid.strip();
        if (id.startsWith("\"") && id.endsWith("\"") && id.length() > 1) {
            id = id.substring(1, id.length() - 1);
        }
        String known = IANA.contains(id) ? id : WINDOWS.get(id);
        if (known == null && id.startsWith("/")) {
            // A vendor prefix: the longest tail that is a zone id.
            for (int slash = id.indexOf('/', 1); slash > 0 && known == null; slash = id.indexOf('/', slash + 1)) {
                String tail = id.substring(slash + 1);
                known = IANA.contains(tail) ? tail : null;
            }
        }
        try {
            return known == null ? null : ZoneId.of(known);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
