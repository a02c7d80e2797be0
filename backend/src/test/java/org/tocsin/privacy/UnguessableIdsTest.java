package org.tocsin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.events.internal.EventStore;
import org.tocsin.storage.Ids;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.support.OrganizationFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, finding 3: from one public id, scanning nearby ObjectIds found an UNLISTED event in
 * 2.3 s. Ids are now 128 random bits: nothing about one tells anything about another.
 */
class UnguessableIdsTest extends IntegrationTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Autowired
    EventStore store;

    @Test
    void idsAre128RandomBitsWithNoSharedStructure() {
        Set<String> seen = new HashSet<>();
        String previous = Ids.newId();
        int[] ones = new int[128];
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId();
            assertThat(id).matches("^[A-Za-z0-9_-]{22}$");
            byte[] bits = Base64.getUrlDecoder().decode(id);
            assertThat(bits).hasSize(16);
            for (int b = 0; b < 128; b++) {
                ones[b] += (bits[b / 8] >> (b % 8)) & 1;
            }
            // A timestamp or a counter would make consecutive ids share a prefix or differ by a little.
            assertThat(commonPrefix(previous, id))
                    .as("%s then %s", previous, id)
                    .isLessThan(5);
            assertThat(new BigInteger(1, bits)
                            .subtract(new BigInteger(1, Base64.getUrlDecoder().decode(previous)))
                            .abs()
                            .bitLength())
                    .isGreaterThan(96);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
        // Every bit is a coin: 10,000 draws land within 5,000 ± 300 (6 sigma).
        for (int b = 0; b < 128; b++) {
            assertThat(ones[b]).as("bit %d", b).isBetween(4_700, 5_300);
        }
    }

    @Test
    void scanningIdsNearAPublicOneFindsNothing() {
        OrganizationFixtures f = new OrganizationFixtures(api());
        String before = create(f, "PUBLIC");
        String unlisted = create(f, "UNLISTED");
        String after = create(f, "PUBLIC");
        Api.Caller stranger = api().anonymous();
        stranger.get("/api/v1/events/" + unlisted).expectStatus().isOk();

        int asked = 0;
        for (String known : List.of(before, after)) {
            for (String guess : neighbours(known)) {
                if (guess.equals(unlisted)) {
                    throw new AssertionError("the UNLISTED event's id is a neighbour of " + known);
                }
                int status = stranger.get("/api/v1/events/" + guess)
                        .returnResult(byte[].class)
                        .getStatus()
                        .value();
                assertThat(status).as(guess).isEqualTo(404);
                asked++;
            }
        }
        assertThat(asked).isGreaterThan(400);
        // Every id a public answer shows is one of these, not only events'.
        JsonNode me = f.owner
                .get("/api/v1/me")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        JsonNode organization = stranger.get("/api/v1/organizations/" + f.organization)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(List.of(me.get("id").asString(), organization.get("id").asString(), before, unlisted, after))
                .allMatch(id -> id.matches("^[A-Za-z0-9_-]{22}$"));
    }

    @Test
    void malformedIdsAreNotFoundNeverAServerError() {
        Api.Caller stranger = api().anonymous();
        for (String id : List.of(
                "x",
                "A".repeat(21),
                "A".repeat(23),
                "A".repeat(2000),
                "%20",
                "%E2%80%AE",
                "000000000000000000000000",
                "ZZZZZZZZZZZZZZZZZZZZZZZZ",
                "$where",
                "AAAAAAAAAAAAAAAAAAAA%2B%2F")) {
            int status = stranger.get("/api/v1/events/" + id)
                    .returnResult(byte[].class)
                    .getStatus()
                    .value();
            assertThat(status).as(id).isBetween(400, 404);
            status = stranger.get("/events/" + id + ".ics")
                    .returnResult(byte[].class)
                    .getStatus()
                    .value();
            assertThat(status).as(id).isBetween(400, 404);
        }
    }

    /**
     * The README's promise for data made before: a PUBLIC event keeps its ObjectId link; an UNLISTED
     * one's guessable link no longer grants anything to strangers (members still see it, and make a
     * new event, with an unguessable link, to share).
     */
    @Test
    void anUnlistedEventWithALegacyObjectIdIsForMembersOnly() {
        OrganizationFixtures f = new OrganizationFixtures(api());
        String unlisted = legacyCopy(create(f, "UNLISTED"));
        String open = legacyCopy(create(f, "PUBLIC"));
        Api.Caller stranger = api().anonymous();

        stranger.get("/api/v1/events/" + unlisted).expectStatus().isNotFound();
        stranger.get("/events/" + unlisted + ".ics").expectStatus().isNotFound();
        f.owner.get("/api/v1/events/" + unlisted).expectStatus().isOk();
        f.memberWithRole("MEMBER")
                .get("/api/v1/events/" + unlisted)
                .expectStatus()
                .isOk();
        stranger.get("/api/v1/events/" + open).expectStatus().isOk();
        stranger.get("/events/" + open + ".ics").expectStatus().isOk();
    }

    private String create(OrganizationFixtures f, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization", f.organization);
        body.put("title", visibility + " action");
        body.put("kind", "VIGIL");
        body.put("start", "2027-08-01T18:00");
        body.put("end", "2027-08-01T19:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("visibility", visibility);
        body.put("place", Map.of("city", "Berlin", "countryCode", "DE"));
        return f.owner.createdId("/api/v1/events", body);
    }

    /** The event as stored by an older version: the same document under an ObjectId. */
    private String legacyCopy(String id) {
        EventDocument e = store.byId(id).block();
        String legacy = new ObjectId().toHexString();
        store.insert(new EventDocument(
                        legacy,
                        e.organizationId(),
                        e.campaignId(),
                        e.title(),
                        e.description(),
                        e.descriptionHtml(),
                        e.kind(),
                        e.status(),
                        e.statusReason(),
                        e.timeZone(),
                        e.start(),
                        e.end(),
                        e.startUtc(),
                        e.endUtc(),
                        e.lastEndUtc(),
                        e.recurrence(),
                        e.overrides(),
                        e.place(),
                        e.online(),
                        e.speakers(),
                        e.tags(),
                        e.languages(),
                        e.accessibility(),
                        e.capacity(),
                        e.rsvpMode(),
                        e.visibility(),
                        e.locationVisibility(),
                        e.searchTerms(),
                        e.sequence(),
                        e.createdAt(),
                        e.updatedAt(),
                        null,
                        null,
                        null,
                        null,
                        null))
                .block();
        return legacy;
    }

    /** What the attack of the issue tried: the ids a few steps away, as numbers and as strings. */
    private static List<String> neighbours(String id) {
        List<String> guesses = new ArrayList<>();
        BigInteger value = new BigInteger(1, Base64.getUrlDecoder().decode(id));
        for (int step = 1; step <= 100; step++) {
            for (BigInteger n :
                    List.of(value.add(BigInteger.valueOf(step)), value.subtract(BigInteger.valueOf(step)))) {
                byte[] raw = n.toByteArray();
                byte[] sixteen = new byte[16];
                System.arraycopy(
                        raw,
                        Math.max(0, raw.length - 16),
                        sixteen,
                        Math.max(0, 16 - raw.length),
                        Math.min(16, raw.length));
                guesses.add(Base64.getUrlEncoder().withoutPadding().encodeToString(sixteen));
            }
        }
        for (int position = 16; position < 22; position++) {
            for (int c = 0; c < ALPHABET.length(); c += 7) {
                guesses.add(id.substring(0, position) + ALPHABET.charAt(c) + id.substring(position + 1));
            }
        }
        guesses.removeIf(id::equals);
        return guesses;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
