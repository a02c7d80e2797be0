package org.tocsin.privacy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Random anonymous requests over every public route. A probe may follow {@code nextCursor} for a
 * few pages (each page is compared), or revalidate a feed with the ETag it was just given. Centres
 * of {@code near=} are often an exact hidden point with a tiny radius, and {@code q=} words are
 * often (prefixes of) hidden venue words: the attacks of issue 10, among ordinary queries.
 */
final class PublicProbes {

    /** One request to make in both worlds; {@code pages} > 1 follows the cursor; {@code revalidate} re-asks with If-None-Match. */
    record Probe(String path, int pages, boolean revalidate) {}

    private static final String[] FEED_FORMATS = {"ics", "json", "atom"};

    private final Random random;
    private final Instant now;
    private final HiddenWorlds.Built world;
    private final List<HiddenWorlds.City> cities = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    PublicProbes(Random random, Instant now, HiddenWorlds.Built world, HiddenWorlds.Built otherWorld) {
        this.random = random;
        this.now = now;
        this.world = new HiddenWorlds.Built(world.publicEventIds(), new ArrayList<>(world.hiddenPoints()));
        this.world.hiddenPoints().addAll(otherWorld.hiddenPoints());
        cities.addAll(HiddenWorlds.PUBLIC_CITIES);
        cities.addAll(HiddenWorlds.HIDDEN_CITIES);
        cities.add(HiddenWorlds.ONLY_IN_A);
        words.addAll(HiddenWorlds.TITLE_WORDS);
        words.addAll(HiddenWorlds.VENUE_WORDS);
        tags.addAll(HiddenWorlds.PUBLIC_TAGS);
        tags.addAll(HiddenWorlds.HIDDEN_TAGS);
    }

    List<Probe> generate(int count) {
        List<Probe> probes = new ArrayList<>(count);
        // Every fixed route once, then random ones.
        probes.add(new Probe("/api/v1/cities", 1, false));
        // City suggestions come from the gazetteer alone: a hidden event's city must not change them.
        probes.add(new Probe("/api/v1/places?q=" + HiddenWorlds.ONLY_IN_A.name().substring(0, 4), 1, false));
        probes.add(new Probe("/api/v1/campaigns", 1, false));
        probes.add(new Probe("/api/v1/calendars", 1, false));
        for (String slug : HiddenWorlds.CAMPAIGNS) {
            probes.add(new Probe("/api/v1/campaigns/" + slug, 1, false));
            probes.add(new Probe("/api/v1/campaigns/" + slug + "/call", 1, false));
        }
        for (String slug : HiddenWorlds.ORGANIZATIONS) {
            probes.add(new Probe("/api/v1/organizations/" + slug, 1, false));
        }
        for (HiddenWorlds.City city : cities) {
            for (String format : FEED_FORMATS) {
                probes.add(new Probe(cityFeed(city, format), 1, true));
            }
        }
        // Delta sync, page by page and revalidated: hidden events' creation, edits and deletions must not
        // show in the changes, the tombstones, their order, their page boundaries or their ETags.
        for (int limit : new int[] {1, 7, 200}) {
            probes.add(new Probe("/api/v1/events?updatedSince=2000-01-01T00:00:00Z&limit=" + limit, 4, true));
        }
        probes.add(new Probe("/api/v1/events/deleted?since=2000-01-01T00:00:00Z", 1, true));
        probes.add(new Probe("/api/v1/events/deleted?since=2000-01-01T00:00:00Z&limit=1", 1, true));
        // The server-rendered list pages, following their "later" links (discovery's cursor).
        probes.add(new Probe("/", 3, false));
        probes.add(new Probe("/?lang=fa", 3, false));
        for (String slug : HiddenWorlds.CAMPAIGNS) {
            probes.add(new Probe("/campaigns/" + slug, 3, false));
        }
        for (String slug : HiddenWorlds.ORGANIZATIONS) {
            probes.add(new Probe("/organizations/" + slug + "?lang=fa", 3, false));
        }
        for (HiddenWorlds.City city : cities) {
            probes.add(new Probe(
                    "/cities/" + city.country().toLowerCase(Locale.ROOT) + "/"
                            + encode(city.name().toLowerCase(Locale.ROOT)),
                    3,
                    false));
        }
        for (String id : world.publicEventIds()) {
            probes.add(new Probe("/api/v1/events/" + id, 1, false));
            probes.add(new Probe("/events/" + id + ".ics", 1, false));
            // The server-rendered page (counts, place, JSON-LD) in both languages.
            probes.add(new Probe("/events/" + id, 1, false));
            probes.add(new Probe("/events/" + id + "?lang=fa", 1, false));
        }
        while (probes.size() < count) {
            probes.add(randomProbe());
        }
        return probes;
    }

    private Probe randomProbe() {
        int pick = random.nextInt(20);
        if (pick < 11) {
            return new Probe("/api/v1/events?" + discoveryQuery(), 1 + random.nextInt(3), false);
        }
        String format = FEED_FORMATS[random.nextInt(FEED_FORMATS.length)];
        return switch (pick) {
            case 11 -> new Probe("/feeds/organizations/" + pickOf(HiddenWorlds.ORGANIZATIONS) + "." + format, 1, true);
            case 12 -> new Probe("/feeds/campaigns/" + pickOf(HiddenWorlds.CAMPAIGNS) + "." + format, 1, true);
            case 13 -> new Probe("/feeds/tags/" + tags.get(random.nextInt(tags.size())) + "." + format, 1, true);
            case 14 -> new Probe("/feeds/calendars/" + HiddenWorlds.SAVED_CALENDAR + "." + format, 1, true);
            case 15 -> new Probe(cityFeed(cities.get(random.nextInt(cities.size())), format), 1, true);
            case 16 -> new Probe("/api/v1/campaigns/" + pickOf(HiddenWorlds.CAMPAIGNS), 1, false);
            case 17 -> new Probe(random.nextBoolean() ? "/api/v1/cities" : "/api/v1/calendars", 1, false);
            default -> new Probe("/feeds/events." + format + "?" + feedQuery(), 1, true);
        };
    }

    private String discoveryQuery() {
        StringJoiner query = new StringJoiner("&");
        addSearchFilters(query);
        addCommonFilters(query);
        if (random.nextInt(4) == 0) {
            query.add("from=" + now.plus(random.nextInt(30), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS));
        }
        if (random.nextInt(5) == 0) {
            query.add("to=" + now.plus(5 + random.nextInt(40), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS));
        }
        query.add("limit=" + (1 + random.nextInt(random.nextBoolean() ? 5 : 60)));
        return query.toString();
    }

    /** The ad-hoc feed takes discovery's filter, bound and matched on the same path: near= and q= included. */
    private String feedQuery() {
        StringJoiner query = new StringJoiner("&");
        addSearchFilters(query);
        addCommonFilters(query);
        return query.toString();
    }

    private void addSearchFilters(StringJoiner query) {
        if (random.nextInt(3) == 0) {
            double[] centre = random.nextBoolean() && !world.hiddenPoints().isEmpty()
                    ? world.hiddenPoints()
                            .get(random.nextInt(world.hiddenPoints().size()))
                    : cityCentre();
            double radius = random.nextBoolean() ? 0.05 + random.nextDouble() * 3 : 1 + random.nextDouble() * 40;
            query.add("near=" + String.format(Locale.ROOT, "%.6f,%.6f", centre[0], centre[1]));
            query.add("radiusKm=" + String.format(Locale.ROOT, "%.5f", radius));
        }
        if (random.nextInt(3) == 0) {
            String word = words.get(random.nextInt(words.size()));
            // Prefixes too: the enumeration attack asks one letter at a time.
            query.add("q="
                    + encode(random.nextBoolean() ? word : word.substring(0, 2 + random.nextInt(word.length() - 1))));
        }
    }

    private void addCommonFilters(StringJoiner query) {
        if (random.nextInt(3) == 0) {
            HiddenWorlds.City city = cities.get(random.nextInt(cities.size()));
            if (random.nextBoolean()) {
                query.add("city=" + encode(city.name()));
            }
            query.add("country=" + city.country());
        }
        if (random.nextInt(4) == 0) {
            query.add("kind=" + pickOf(HiddenWorlds.KINDS));
        }
        if (random.nextInt(4) == 0) {
            query.add("tag=" + tags.get(random.nextInt(tags.size())));
        }
        if (random.nextInt(4) == 0) {
            query.add("campaign=" + pickOf(HiddenWorlds.CAMPAIGNS));
        }
        if (random.nextInt(4) == 0) {
            query.add("organization=" + pickOf(HiddenWorlds.ORGANIZATIONS));
        }
    }

    private double[] cityCentre() {
        HiddenWorlds.City city = cities.get(random.nextInt(cities.size()));
        return new double[] {
            city.lat() + (random.nextDouble() - 0.5) * 0.2, city.lon() + (random.nextDouble() - 0.5) * 0.2
        };
    }

    private static String cityFeed(HiddenWorlds.City city, String format) {
        return "/feeds/cities/" + city.country().toLowerCase(Locale.ROOT) + "/"
                + encode(city.name().toLowerCase(Locale.ROOT)) + "." + format;
    }

    private String pickOf(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
