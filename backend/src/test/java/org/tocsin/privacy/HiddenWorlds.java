package org.tocsin.privacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tocsin.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Two worlds that differ only in what strangers may not read. Both are built from one seed, in the
 * same order of writes (so that a deterministic id source gives every public object the same id in
 * both): the public events are the same; the venue, address, exact point (inside the same public
 * coarse cell) and online link of the events that keep their location for attendees differ; the
 * PRIVATE and UNLISTED events differ in everything (visibility, city, title, tags, campaign, times),
 * and variant A makes more of them at the end than variant B, and drafts (one scheduled) that B lacks;
 * organizers' notes for attendees on some public events differ. Variant A also submits two public events
 * to a campaign of another organization, one left pending and one declined: neither is the
 * campaign's to show; and one of its non-public events is co-hosted (accepted) by the other organization.
 */
final class HiddenWorlds {

    /** A city and the centre of a coarse cell (Geo.coarse: one decimal) in it. */
    record City(String name, String country, String zone, double lat, double lon) {}

    /** Cities public events use, and cities only hidden events use (their feeds must stay 404). */
    static final List<City> PUBLIC_CITIES = List.of(
            new City("Berlin", "DE", "Europe/Berlin", 52.5, 13.4),
            new City("Paris", "FR", "Europe/Paris", 48.9, 2.3),
            new City("Tehran", "IR", "Asia/Tehran", 35.7, 51.4),
            new City("Porto", "PT", "Europe/Lisbon", 41.1, -8.6),
            new City("Lyon", "FR", "Europe/Paris", 45.8, 4.8));

    static final List<City> HIDDEN_CITIES = List.of(
            new City("Oulu", "FI", "Europe/Helsinki", 65.0, 25.5),
            new City("Gent", "BE", "Europe/Brussels", 51.1, 3.7));
    /** Named only by a non-public event of variant A: whether it is known must not show. */
    static final City ONLY_IN_A = new City("Tromsø", "NO", "Europe/Oslo", 69.6, 18.9);
    /** Words of titles (public) and of venues (hidden in one world, in the other, or in both). */
    static final List<String> TITLE_WORDS = List.of(
            "vigil", "prisoners", "solidarity", "march", "voices", "women", "freedom", "candles", "evin", "rally");

    static final List<String> VENUE_WORDS = List.of(
            "kaserne",
            "nordwache",
            "lindenhof",
            "sudtor",
            "gasthaus",
            "kirchplatz",
            "bahnhof",
            "keller",
            "evin",
            "freedom",
            "werkstatt",
            "atelier");
    static final List<String> PUBLIC_TAGS = List.of("iran", "prisoners", "women", "climate");
    static final List<String> HIDDEN_TAGS = List.of("secret", "safehouse", "iran");
    static final String[] KINDS = {"VIGIL", "RALLY", "MARCH", "ONLINE_SESSION", "OTHER"};
    static final String[] ORGANIZATIONS = {"vigil-circle", "free-voices"};
    static final String[] CAMPAIGNS = {"day-of-action", "week-of-solidarity"};
    static final String SAVED_CALENDAR = "berlin-watch";
    /** A platform admin ({@code tocsin.admins}) of both worlds; only world B's signs up and acts. */
    static final String MODERATOR = "moderator@tocsin.test";

    static final int PUBLIC_EVENTS = 36;
    static final int INTERLEAVED_HIDDEN_EVENTS = 14;

    /** What a world built: the public events' ids (the same in both worlds), and the hidden points. */
    record Built(List<String> publicEventIds, List<double[]> hiddenPoints) {}

    private final long seed;
    private final Instant now;

    HiddenWorlds(long seed, Instant now) {
        this.seed = seed;
        this.now = now;
    }

    /** Builds world {@code variant} (0 or 1) through the API, as organizers would. */
    Built build(Api api, int variant) {
        // Public content from one generator, hidden content from another per variant: a hidden
        // choice never shifts what the public generator draws next.
        Random common = new Random(seed);
        Random hidden = new Random(seed * 31 + 7 + variant);
        Api.Caller[] owners = {
            api.newUser("Vigil circle", "owner-1@tocsin.test"), api.newUser("Free voices", "owner-2@tocsin.test")
        };
        for (int o = 0; o < ORGANIZATIONS.length; o++) {
            owners[o]
                    .post(
                            "/api/v1/organizations",
                            Map.of("name", ORGANIZATIONS[o].replace('-', ' '), "slug", ORGANIZATIONS[o]))
                    .expectStatus()
                    .isCreated();
            owners[o]
                    .post(
                            "/api/v1/campaigns",
                            Map.of(
                                    "name",
                                    CAMPAIGNS[o].replace('-', ' '),
                                    "slug",
                                    CAMPAIGNS[o],
                                    "organization",
                                    ORGANIZATIONS[o]))
                    .expectStatus()
                    .isCreated();
        }
        owners[0]
                .post(
                        "/api/v1/calendars",
                        Map.of(
                                "name",
                                "Berlin watch",
                                "slug",
                                SAVED_CALENDAR,
                                "filter",
                                Map.of("city", "Berlin", "country", "DE")))
                .expectStatus()
                .isCreated();

        // Each public event with the index of the organization that made it, in the order they were made.
        Map<String, Integer> publicOwners = new LinkedHashMap<>();
        List<double[]> points = new ArrayList<>();
        List<Integer> hiddenSlots = new ArrayList<>();
        for (int i = 0; i < INTERLEAVED_HIDDEN_EVENTS; i++) {
            hiddenSlots.add(common.nextInt(PUBLIC_EVENTS));
        }
        for (int i = 0; i < PUBLIC_EVENTS; i++) {
            int organization = common.nextInt(2);
            Map<String, Object> body = publicEvent(common, hidden, organization, points);
            publicOwners.put(create(owners[organization], body), organization);
            for (int slot : hiddenSlots) {
                if (slot == i) {
                    int o = common.nextInt(2);
                    create(owners[o], hiddenEvent(hidden, o, null));
                }
            }
        }
        // Two public events of free-voices, in no campaign, that variant A submits to vigil-circle's
        // campaign below: the same events in both worlds, the submissions in A alone.
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = publicEvent(common, hidden, 1, points);
            body.remove("campaign");
            offered.add(create(owners[1], body));
        }
        offered.forEach(id -> publicOwners.put(id, 1));
        // In both worlds alike, two more public events leave strangers' lists: one deleted, one made
        // PRIVATE. Their tombstones are public; nothing else in the deletions feed may be.
        for (String visibility : new String[] {null, "PRIVATE"}) {
            String leaving = create(owners[0], publicEvent(common, hidden, 0, points));
            if (visibility == null) {
                owners[0].delete("/api/v1/events/" + leaving).expectStatus().isNoContent();
            } else {
                owners[0]
                        .patch("/api/v1/events/" + leaving, Map.of("visibility", visibility))
                        .expectStatus()
                        .isOk();
            }
        }
        // One more public event, made in both worlds and removed at the end: deleted by its organization
        // in A, taken down by a platform moderator after a report in B. Strangers must not tell which.
        int removedBy = common.nextInt(2);
        String removed = create(owners[removedBy], publicEvent(common, hidden, removedBy, points));
        publicOwners.put(removed, removedBy);
        owners[0]
                .put(
                        "/api/v1/campaigns/" + CAMPAIGNS[0] + "/call",
                        Map.of("open", true, "instructions", "Host a *vigil*", "materials", List.of()))
                .expectStatus()
                .isOk();
        // Existence: variant A has more non-public events than B; made last, so no public id moves.
        List<String> lastHidden = new ArrayList<>();
        List<Integer> lastOwners = new ArrayList<>();
        for (int i = 0; i < (variant == 0 ? 4 : 1); i++) {
            int o = hidden.nextInt(2);
            lastHidden.add(create(owners[o], hiddenEvent(hidden, o, variant == 0 && i == 0 ? ONLY_IN_A : null)));
            lastOwners.add(o);
        }
        // Hidden events edited, swapped between PRIVATE and UNLISTED, and (in A) deleted: the delta feeds'
        // changes and tombstones must show strangers none of it.
        owners[lastOwners.getFirst()]
                .patch(
                        "/api/v1/events/" + lastHidden.getFirst(),
                        Map.of(
                                "title",
                                "Changed " + hidden.nextInt(1000),
                                "visibility",
                                variant == 0 ? "UNLISTED" : "PRIVATE"))
                .expectStatus()
                .isOk();
        if (variant == 0) {
            owners[lastOwners.get(1)]
                    .delete("/api/v1/events/" + lastHidden.get(1))
                    .expectStatus()
                    .isNoContent();
            owners[lastOwners.get(2)]
                    .post("/api/v1/events/" + lastHidden.get(2) + "/cancel", Map.of())
                    .expectStatus()
                    .isOk();
        }
        // Drafts, in A alone (one to be published at a set time): no public answer may show them.
        if (variant == 0) {
            for (int i = 0; i < 3; i++) {
                int o = hidden.nextInt(2);
                Map<String, Object> draft = publicEvent(hidden, hidden, o, new ArrayList<>());
                if (i == 0) {
                    draft.put("publishAt", now.plusSeconds(86_400).toString());
                } else {
                    draft.put("draft", true);
                }
                create(owners[o], draft);
            }
        }
        // Notes for attendees on public events, different in each world.
        for (int i = 0; i < 3; i++) {
            String event = List.copyOf(publicOwners.keySet()).get(common.nextInt(publicOwners.size()));
            owners[publicOwners.get(event)]
                    .put(
                            "/api/v1/events/" + event + "/notes",
                            Map.of("text", "Meet at " + words(hidden, VENUE_WORDS, 3)))
                    .expectStatus()
                    .isOk();
        }
        // Submissions are hidden from strangers until approved: one pending, one declined, in A alone.
        if (variant == 0) {
            for (String id : offered) {
                String submission =
                        owners[1].createdId("/api/v1/campaigns/" + CAMPAIGNS[0] + "/submissions", Map.of("event", id));
                if (id.equals(offered.getLast())) {
                    owners[0]
                            .post(
                                    "/api/v1/campaigns/" + CAMPAIGNS[0] + "/submissions/" + submission + "/decline",
                                    Map.of("reason", "not ours"))
                            .expectStatus()
                            .isOk();
                }
            }
        }
        // Co-hosting changes nothing strangers read until accepted: one pending and one declined invitation, in A
        // alone (each organization invites the other to its first public event).
        if (variant == 0) {
            for (int o = 0; o < ORGANIZATIONS.length; o++) {
                int host = o;
                String event = publicOwners.entrySet().stream()
                        .filter(e -> e.getValue() == host)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow();
                String invitation = owners[o].createdId(
                        "/api/v1/events/" + event + "/cohosts", Map.of("organization", ORGANIZATIONS[1 - o]));
                if (o == 1) {
                    owners[0]
                            .post(
                                    "/api/v1/organizations/" + ORGANIZATIONS[0] + "/cohost-invitations/" + invitation
                                            + "/decline",
                                    Map.of())
                            .expectStatus()
                            .isOk();
                }
            }
        }
        // A non-public event co-hosted (accepted) by the other organization, in A alone: its members now list
        // it as the host's do (docs/coalitions.md), and strangers must still learn nothing of it.
        if (variant == 0) {
            int o = lastOwners.get(3);
            String invitation = owners[o].createdId(
                    "/api/v1/events/" + lastHidden.get(3) + "/cohosts", Map.of("organization", ORGANIZATIONS[1 - o]));
            owners[1 - o]
                    .post(
                            "/api/v1/organizations/" + ORGANIZATIONS[1 - o] + "/cohost-invitations/" + invitation
                                    + "/accept",
                            Map.of())
                    .expectStatus()
                    .isOk();
        }
        if (variant == 0) {
            owners[removedBy].delete("/api/v1/events/" + removed).expectStatus().isNoContent();
        } else {
            api.anonymous()
                    .post("/api/v1/reports", Map.of("kind", "EVENT", "target", removed, "category", "FAKE_EVENT"))
                    .expectStatus()
                    .isAccepted();
            api.newUser("Moderator", MODERATOR)
                    .post("/api/v1/moderation/events/" + removed + "/hide", Map.of())
                    .expectStatus()
                    .isOk();
        }
        return new Built(List.copyOf(publicOwners.keySet()), points);
    }

    private static String create(Api.Caller owner, Map<String, Object> body) {
        JsonNode created = owner.post("/api/v1/events", body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return created.get("id").asString();
    }

    private Map<String, Object> publicEvent(Random common, Random hidden, int organization, List<double[]> points) {
        Map<String, Object> body = base(common, organization, PUBLIC_CITIES);
        body.put("visibility", "PUBLIC");
        boolean attendeesOnly = common.nextInt(2) == 0;
        body.put("locationVisibility", attendeesOnly ? "ATTENDEES" : "PUBLIC");
        boolean timedReveal = attendeesOnly && common.nextInt(3) == 0;
        int revealHours = 1 + common.nextInt(5);
        City city = PUBLIC_CITIES.get(common.nextInt(PUBLIC_CITIES.size()));
        body.put("timeZone", city.zone());
        // Announced with the event, so public: the time the meeting point will be told. Only while it is
        // ahead of the fixed clock: a reveal already due makes the (hidden) venue public, in one world's
        // words and the other's.
        Instant start = LocalDateTime.parse((String) body.get("start"))
                .atZone(ZoneId.of(city.zone()))
                .toInstant();
        if (timedReveal && start.minus(java.time.Duration.ofHours(revealHours)).isAfter(NonInterferenceTest.NOW)) {
            body.put("locationRevealBefore", "PT" + revealHours + "H");
        }
        boolean online = common.nextInt(6) == 0;
        if (online) {
            body.put("kind", "ONLINE_SESSION");
            body.put(
                    "online",
                    Map.of(
                            "url",
                            attendeesOnly
                                    ? "https://meet.example/" + words(hidden, VENUE_WORDS, 1)
                                    : "https://meet.example/open",
                            "platform",
                            "Jitsi"));
        }
        if (!online || common.nextBoolean()) {
            double lat;
            double lon;
            String venue;
            String address;
            if (attendeesOnly) {
                // Anywhere inside the coarse cell public answers show: strangers may learn the cell, no more.
                lat = city.lat() + (hidden.nextDouble() - 0.5) * 0.09;
                lon = city.lon() + (hidden.nextDouble() - 0.5) * 0.09;
                venue = words(hidden, VENUE_WORDS, 2);
                address = words(hidden, VENUE_WORDS, 1) + " " + (1 + hidden.nextInt(99));
                points.add(new double[] {lat, lon});
            } else {
                lat = city.lat() + (common.nextDouble() - 0.5) * 0.09;
                lon = city.lon() + (common.nextDouble() - 0.5) * 0.09;
                venue = words(common, VENUE_WORDS, 2);
                address = "Platz " + (1 + common.nextInt(99));
            }
            body.put("place", place(venue, address, city, lat, lon));
        }
        return body;
    }

    /** A PRIVATE or UNLISTED event: every field of it may differ between the worlds. */
    private Map<String, Object> hiddenEvent(Random hidden, int organization, City in) {
        List<City> anywhere = new ArrayList<>(PUBLIC_CITIES);
        anywhere.addAll(HIDDEN_CITIES);
        Map<String, Object> body = base(hidden, organization, anywhere);
        body.put("visibility", hidden.nextBoolean() ? "PRIVATE" : "UNLISTED");
        body.put("locationVisibility", hidden.nextBoolean() ? "ATTENDEES" : "PUBLIC");
        City city = in != null ? in : anywhere.get(hidden.nextInt(anywhere.size()));
        body.put("timeZone", city.zone());
        body.put("tags", List.of(HIDDEN_TAGS.get(hidden.nextInt(HIDDEN_TAGS.size()))));
        body.put(
                "place",
                place(
                        words(hidden, VENUE_WORDS, 2),
                        "Hof " + hidden.nextInt(9),
                        city,
                        city.lat() + (hidden.nextDouble() - 0.5) * 0.09,
                        city.lon() + (hidden.nextDouble() - 0.5) * 0.09));
        return body;
    }

    /** Title, kind, times, tags and campaign, drawn from {@code random}. */
    private Map<String, Object> base(Random random, int organization, List<City> cities) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", ORGANIZATIONS[organization]);
        body.put("title", capitalised(words(random, TITLE_WORDS, 2 + random.nextInt(2))));
        body.put("description", "For the " + words(random, TITLE_WORDS, 3) + ".");
        body.put("kind", KINDS[random.nextInt(KINDS.length - 1)]);
        LocalDateTime start = LocalDateTime.ofInstant(now, ZoneId.of("UTC"))
                .plusDays(random.nextInt(40))
                .withHour(8 + random.nextInt(12))
                .withMinute(15 * random.nextInt(4))
                .withSecond(0)
                .withNano(0);
        body.put("start", start.toString());
        body.put("end", start.plusHours(1 + random.nextInt(3)).toString());
        if (random.nextInt(5) == 0) {
            body.put("recurrence", Map.of("rrule", "FREQ=WEEKLY;COUNT=" + (2 + random.nextInt(4))));
        }
        body.put("tags", List.of(PUBLIC_TAGS.get(random.nextInt(PUBLIC_TAGS.size()))));
        if (random.nextBoolean()) {
            body.put("campaign", CAMPAIGNS[organization]);
        }
        return body;
    }

    private static Map<String, Object> place(String venue, String address, City city, double lat, double lon) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("venue", capitalised(venue));
        place.put("address", address);
        place.put("city", city.name());
        place.put("countryCode", city.country());
        place.put("lat", lat);
        place.put("lon", lon);
        return place;
    }

    static String words(Random random, List<String> pool, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(pool.get(random.nextInt(pool.size())));
        }
        return String.join(" ", words);
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
