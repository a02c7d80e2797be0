package org.tocsin.demo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.events.EventKind;
import org.tocsin.events.EventRequest;
import org.tocsin.events.LocationVisibility;
import org.tocsin.events.RsvpMode;
import org.tocsin.events.Visibility;

/** An event body being written, so the demo table reads as "what, where, when" and not as 18 positional arguments. */
final class Draft {

    private final DemoOrganizations.Org org;
    private final EventKind kind;
    private final String title;
    private final String description;
    private LocalDateTime start;
    private LocalDateTime end;
    private String zone;
    private EventRequest.PlaceRequest place;
    private EventRequest.OnlineRequest online;
    private String rrule;
    private Integer capacity;
    private RsvpMode rsvpMode = RsvpMode.OPEN;
    private LocationVisibility locationVisibility = LocationVisibility.PUBLIC;
    private String campaign;
    private List<String> languages = List.of("en", "fa");
    private final List<String> tags = new ArrayList<>(List.of("abolish-death-penalty"));
    private final List<EventRequest.SpeakerRequest> speakers = new ArrayList<>();

    Draft(DemoOrganizations.Org org, EventKind kind, String title, String description) {
        this.org = org;
        this.kind = kind;
        this.title = title;
        this.description = description;
    }

    /** A place in a demo city; {@code venue} null for city-wide actions. */
    Draft in(DemoCities.City city, String venue, String address) {
        this.place = new EventRequest.PlaceRequest(venue, address, city.name(), city.country(), city.lat(), city.lon());
        this.zone = city.zone();
        return this;
    }

    Draft online(String url, String platform, String zone) {
        this.online = new EventRequest.OnlineRequest(url, platform);
        this.zone = zone;
        return this;
    }

    Draft at(LocalDateTime start, LocalDateTime end) {
        this.start = start;
        this.end = end;
        return this;
    }

    Draft weekly(String rrule) {
        this.rrule = rrule;
        return this;
    }

    Draft approval(int capacity) {
        this.capacity = capacity;
        this.rsvpMode = RsvpMode.APPROVAL;
        return this;
    }

    Draft capacity(int capacity) {
        this.capacity = capacity;
        return this;
    }

    Draft locationForAttendees() {
        this.locationVisibility = LocationVisibility.ATTENDEES;
        return this;
    }

    Draft campaign(String slug) {
        this.campaign = slug;
        return this;
    }

    Draft languages(String... languages) {
        this.languages = List.of(languages);
        return this;
    }

    Draft tag(String tag) {
        this.tags.add(tag);
        return this;
    }

    Draft speaker(String name, String affiliation) {
        this.speakers.add(new EventRequest.SpeakerRequest(name, affiliation));
        return this;
    }

    EventRequest request() {
        return new EventRequest(
                org.slug(),
                title,
                description,
                kind,
                start,
                end,
                zone,
                rrule == null ? null : new EventRequest.RecurrenceRequest(rrule, List.of()),
                place,
                online,
                capacity,
                rsvpMode,
                Visibility.PUBLIC,
                locationVisibility,
                List.copyOf(tags),
                languages,
                campaign,
                List.copyOf(speakers));
    }
}
