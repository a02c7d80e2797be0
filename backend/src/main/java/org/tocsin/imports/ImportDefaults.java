package org.tocsin.imports;

import java.time.ZoneId;
import java.util.List;
import org.tocsin.events.EventKind;
import org.tocsin.events.Visibility;

/** A source's defaults, checked: what every event imported from it gets. */
record ImportDefaults(
        EventKind kind,
        String city,
        String countryCode,
        ZoneId zone,
        List<String> tags,
        String campaign,
        Visibility visibility) {}
