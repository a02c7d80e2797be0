package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.events.internal.RemovalDocument;
import org.tocsin.events.internal.RemovalStore;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import org.tocsin.takedowns.Takedowns;
import tools.jackson.databind.JsonNode;

/**
 * The delta-sync feeds as a partner mirroring Tocsin uses them: {@code /api/v1/events?updatedSince=}
 * and {@code /api/v1/events/deleted?since=}, followed by their {@code next} links.
 */
class DeltaSyncTest extends IntegrationTest {

    @Autowired
    RemovalStore tombstones;

    @Autowired
    SyncProperties sync;

    @Autowired
    Takedowns takedowns;

    /** What a mirror keeps of an event, and what the truth says it should be. */
    record Mirrored(String title, String status) {}

    /** A partner's mirror of one organization's events, with the two feeds' positions. */
    static final class Mirror {

        final Api.Caller partner;
        final String organization;
        final Map<String, Mirrored> events = new HashMap<>();
        String changes;
        String removals;
        int pages;

        Mirror(Api.Caller partner, String organization, Instant since, int pageSize) {
            this.partner = partner;
            this.organization = organization;
            this.changes = "/api/v1/events?updatedSince=" + since + "&limit=" + pageSize;
            this.removals = "/api/v1/events/deleted?since=" + since + "&limit=" + pageSize;
        }

        /** Follows both feeds until neither has more ready, as a partner's polling loop does. */
        void pull() {
            JsonNode page;
            do {
                page = body(partner, changes);
                for (JsonNode item : page.get("items")) {
                    if (item.get("organization").get("slug").asString().equals(organization)) {
                        events.put(
                                item.get("id").asString(),
                                new Mirrored(
                                        item.get("title").asString(),
                                        item.get("status").asString()));
                    }
                }
                changes = page.get("next").asString();
                pages++;
            } while (page.get("more").asBoolean());
            do {
                page = body(partner, removals);
                for (JsonNode item : page.get("items")) {
                    events.remove(item.get("id").asString());
                }
                removals = page.get("next").asString();
                pages++;
            } while (page.get("more").asBoolean());
        }
    }

    /** The writer's model of one event: what strangers should mirror of it, if it is PUBLIC. */
    private static final class Model {
        String title;
        String status = "SCHEDULED";
        String visibility = "PUBLIC";

        Model(String title) {
            this.title = title;
        }
    }

    @Test
    void aMirrorPagingWhileAWriterCreatesEditsHidesAndDeletesEndsEqualToTheTruth() throws Exception {
        EventFixtures f = new EventFixtures(api());
        Mirror mirror =
                new Mirror(api().anonymous(), f.organization, Instant.now().minusSeconds(1), 3);
        long seed = new Random().nextLong();
        Map<String, Model> live = new ConcurrentHashMap<>();
        var writerThread = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(
                () -> {
                    Random random = new Random(seed);
                    List<String> ids = new ArrayList<>();
                    for (int op = 0; op < 90; op++) {
                        int kind = ids.size() < 3 ? 0 : random.nextInt(7);
                        String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
                        switch (kind) {
                            case 0, 6 -> {
                                Map<String, Object> body = f.vigil("2027-06-01T18:00", "2027-06-01T19:00");
                                body.put("title", "Vigil " + op);
                                String created = f.create(body).get("id").asString();
                                ids.add(created);
                                live.put(created, new Model("Vigil " + op));
                            }
                            case 1 -> {
                                ok(f.owner.patch("/api/v1/events/" + id, Map.of("title", "Renamed " + op)));
                                live.get(id).title = "Renamed " + op;
                            }
                            case 2 -> {
                                Model m = live.get(id);
                                boolean cancelled = m.status.equals("CANCELLED");
                                ok(f.owner.post(
                                        "/api/v1/events/" + id + (cancelled ? "/reinstate" : "/cancel"), Map.of()));
                                m.status = cancelled ? "SCHEDULED" : "CANCELLED";
                            }
                            case 3 -> {
                                String hidden = random.nextBoolean() ? "PRIVATE" : "UNLISTED";
                                ok(f.owner.patch("/api/v1/events/" + id, Map.of("visibility", hidden)));
                                live.get(id).visibility = hidden;
                            }
                            case 4 -> {
                                ok(f.owner.patch("/api/v1/events/" + id, Map.of("visibility", "PUBLIC")));
                                live.get(id).visibility = "PUBLIC";
                            }
                            default -> {
                                f.owner
                                        .delete("/api/v1/events/" + id)
                                        .expectStatus()
                                        .isNoContent();
                                ids.remove(id);
                                live.remove(id);
                            }
                        }
                    }
                },
                writerThread);
        int roundsWhileWriting = 0;
        while (!writer.isDone()) {
            mirror.pull();
            roundsWhileWriting++;
        }
        writer.get();
        writerThread.shutdown();
        Map<String, Mirrored> truth = new HashMap<>();
        live.forEach((id, m) -> {
            if (m.visibility.equals("PUBLIC")) {
                truth.put(id, new Mirrored(m.title, m.status));
            }
        });
        // Once the last write is past the horizon, the mirror holds exactly the public truth.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    mirror.pull();
                    return mirror.events.equals(truth);
                });
        assertThat(roundsWhileWriting)
                .as("the partner paged while the writer wrote (seed %d)", seed)
                .isGreaterThan(1);
        assertThat(truth).as("seed %d", seed).isNotEmpty();
        // And it stays so: nothing more comes once everything is read.
        await().during(sync.horizon().plusSeconds(1))
                .atMost(sync.horizon().plusSeconds(10))
                .until(() -> {
                    mirror.pull();
                    return mirror.events.equals(truth);
                });
    }

    @Test
    void cursorsAreStablePagesNeitherRepeatNorSkipAndAResumedLoopGetsOnlyWhatChanged() {
        EventFixtures f = new EventFixtures(api());
        Instant since = Instant.now().minusSeconds(1);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = f.vigil("2027-07-0" + (i + 1) + "T18:00", "2027-07-0" + (i + 1) + "T19:00");
            body.put("title", "Stable " + i);
            created.add(f.create(body).get("id").asString());
        }
        Api.Caller partner = api().anonymous();
        String first = "/api/v1/events?updatedSince=" + since + "&limit=2";
        awaitPastHorizon();

        List<String> seen = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String uri = first;
        JsonNode page;
        do {
            EntityExchangeResult<JsonNode> result = partner.get(uri)
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult();
            page = result.getResponseBody();
            page.get("items").forEach(item -> {
                if (created.contains(item.get("id").asString())) {
                    seen.add(item.get("id").asString());
                }
            });
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            String next = page.get("next").asString();
            if (page.get("more").asBoolean()) {
                assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LINK))
                        .isEqualTo("<" + next + ">; rel=\"next\"");
            } else {
                assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LINK))
                        .isNull();
            }
            links.add(uri);
            uri = next;
        } while (page.get("more").asBoolean());
        // In (updatedAt, id) order, each once: the events were created one after the other.
        assertThat(seen).containsExactlyElementsOf(created);

        // A cursor is a position: the same link answers the same page again.
        String second = links.get(1);
        assertThat(body(partner, second)).isEqualTo(body(partner, second));

        // From where it stopped, a resumed loop gets nothing until something changes, then just that.
        String resume = uri;
        assertThat(body(partner, resume).get("items")).isEmpty();
        ok(f.owner.patch("/api/v1/events/" + created.get(3), Map.of("title", "Stable again")));
        ok(f.owner.post("/api/v1/events/" + created.get(5) + "/cancel", Map.of()));
        awaitPastHorizon();
        JsonNode after = body(partner, resume);
        List<String> ids = new ArrayList<>();
        after.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).containsExactly(created.get(3), created.get(5));
        assertThat(after.get("items").get(1).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("more").asBoolean()).isFalse();
    }

    @Test
    void eachAudienceGetsItsOwnTombstonesAndNothingOfHiddenEvents() {
        EventFixtures f = new EventFixtures(api());
        Api.Caller member = f.memberWithRole("MEMBER");
        Api.Caller stranger = api().anonymous();
        Api.Caller otherUser = api().newUser("Someone else");
        Instant since = Instant.now().minusSeconds(1);

        String madePrivate = f.create(f.vigil("2027-08-01T18:00", "2027-08-01T19:00"))
                .get("id")
                .asString();
        String deletedPublic = f.create(f.vigil("2027-08-02T18:00", "2027-08-02T19:00"))
                .get("id")
                .asString();
        Map<String, Object> secret = f.vigil("2027-08-03T18:00", "2027-08-03T19:00");
        secret.put("visibility", "PRIVATE");
        secret.put("title", "Secret meeting");
        String deletedPrivate = f.create(secret).get("id").asString();
        Map<String, Object> unlisted = f.vigil("2027-08-04T18:00", "2027-08-04T19:00");
        unlisted.put("visibility", "UNLISTED");
        String keptUnlisted = f.create(unlisted).get("id").asString();
        ok(f.owner.patch("/api/v1/events/" + madePrivate, Map.of("visibility", "PRIVATE")));
        f.owner.delete("/api/v1/events/" + deletedPublic).expectStatus().isNoContent();
        f.owner.delete("/api/v1/events/" + deletedPrivate).expectStatus().isNoContent();
        awaitPastHorizon();

        String changes = "/api/v1/events?updatedSince=" + since + "&limit=200";
        String removals = "/api/v1/events/deleted?since=" + since + "&limit=200";
        List<String> mine = List.of(madePrivate, deletedPublic, deletedPrivate, keptUnlisted);
        for (Api.Caller outsider : List.of(stranger, otherUser)) {
            assertThat(ids(body(outsider, changes), mine)).isEmpty();
            JsonNode gone = body(outsider, removals);
            assertThat(ids(gone, mine)).containsExactlyInAnyOrder(madePrivate, deletedPublic);
            // A tombstone is the id and the time; nothing else (no title, no organization).
            for (JsonNode item : gone.get("items")) {
                assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "deletedAt");
            }
        }
        // Members list the PRIVATE and UNLISTED events: they get the private one, and hear of both deletions.
        assertThat(ids(body(member, changes), mine)).containsExactlyInAnyOrder(madePrivate, keptUnlisted);
        assertThat(ids(body(member, removals), mine)).containsExactlyInAnyOrder(deletedPublic, deletedPrivate);

        // Shown again: strangers' tombstone goes, and the event is back in their changes.
        ok(f.owner.patch("/api/v1/events/" + madePrivate, Map.of("visibility", "PUBLIC")));
        awaitPastHorizon();
        assertThat(ids(body(stranger, removals), mine)).containsExactly(deletedPublic);
        assertThat(ids(body(stranger, changes), mine)).containsExactly(madePrivate);
    }

    @Test
    void ofTwoConcurrentEditsTheNewerOnesTombstoneDecisionStandsWhicheverIsStoredLast() {
        String event = org.tocsin.storage.Ids.newId();
        String id = RemovalDocument.idOf(event, RemovalDocument.Audience.PUBLIC);
        Instant at = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String removals = "/api/v1/events/deleted?since=" + at.minusSeconds(1);
        Api.Caller partner = api().anonymous();
        // Version 5 hid the event; version 4 (shown again) arrives late: the event stays removed.
        tombstones
                .putIfNewer(new RemovalDocument(id, event, RemovalDocument.Audience.PUBLIC, "org", at, 5, false))
                .block();
        tombstones
                .putIfNewer(new RemovalDocument(id, event, RemovalDocument.Audience.PUBLIC, "org", at, 4, true))
                .block();
        assertThat(ids(body(partner, removals), List.of(event))).containsExactly(event);
        // Version 6 shows it again: the tombstone is withdrawn, and a late version 5 cannot bring it back.
        tombstones
                .putIfNewer(new RemovalDocument(id, event, RemovalDocument.Audience.PUBLIC, "org", at, 6, true))
                .block();
        tombstones
                .putIfNewer(new RemovalDocument(id, event, RemovalDocument.Audience.PUBLIC, "org", at, 5, false))
                .block();
        assertThat(ids(body(partner, removals), List.of(event))).isEmpty();
    }

    @Test
    void tombstonesStayForTheRetentionAndAreDroppedAfterIt() {
        EventFixtures f = new EventFixtures(api());
        Instant since = Instant.now().minusSeconds(1);
        String id = f.create(f.vigil("2027-09-01T18:00", "2027-09-01T19:00"))
                .get("id")
                .asString();
        f.owner.delete("/api/v1/events/" + id).expectStatus().isNoContent();
        awaitPastHorizon();
        String removals = "/api/v1/events/deleted?since=" + since;
        Api.Caller partner = api().anonymous();
        assertThat(ids(body(partner, removals), List.of(id))).containsExactly(id);

        assertThat(sync.retention()).isGreaterThanOrEqualTo(Duration.ofDays(90));
        // The scheduled cleanup's work, run with the clock a day short of the retention, then a day past it.
        Removals early = new Removals(
                tombstones,
                sync,
                takedowns,
                Clock.offset(Clock.systemUTC(), sync.retention().minusDays(1)));
        early.purge().block();
        assertThat(ids(body(partner, removals), List.of(id))).containsExactly(id);
        Removals late = new Removals(
                tombstones,
                sync,
                takedowns,
                Clock.offset(Clock.systemUTC(), sync.retention().plusDays(1)));
        assertThat(late.purge().block()).isPositive();
        assertThat(ids(body(partner, removals), List.of(id))).isEmpty();
    }

    @Test
    void listAnswersRevalidateWithTheirETag() {
        EventFixtures f = new EventFixtures(api());
        Instant since = Instant.now().minusSeconds(1);
        String id = f.create(f.vigil("2027-10-01T18:00", "2027-10-01T19:00"))
                .get("id")
                .asString();
        awaitPastHorizon();
        Api.Caller partner = api().anonymous();
        for (String uri : List.of(
                "/api/v1/events?updatedSince=" + since,
                "/api/v1/events/deleted?since=" + since,
                "/api/v1/events?organization=" + f.organization + "&from=2027-01-01")) {
            String etag = partner.get(uri)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .exists(HttpHeaders.ETAG)
                    .returnResult(byte[].class)
                    .getResponseHeaders()
                    .getETag();
            web.get()
                    .uri(uri)
                    .header(HttpHeaders.IF_NONE_MATCH, etag)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, etag)
                    .expectBody()
                    .isEmpty();
            // A malformed or foreign validator is simply not a match.
            web.get()
                    .uri(uri)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"x\", garbage, W/")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        String changes = "/api/v1/events?updatedSince=" + since;
        String before = partner.get(changes)
                .returnResult(byte[].class)
                .getResponseHeaders()
                .getETag();
        ok(f.owner.patch("/api/v1/events/" + id, Map.of("title", "A new title")));
        awaitPastHorizon();
        web.get()
                .uri(changes)
                .header(HttpHeaders.IF_NONE_MATCH, before)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.ETAG, etag -> assertThat(etag).isNotEqualTo(before));
    }

    @Test
    void badInstantsCursorsAndParametersAreRefusedNamingTheField() {
        Api.Caller partner = api().anonymous();
        String other = new SyncCursor(SyncCursor.REMOVALS, Instant.now(), "").encode();
        Map<String, String> refused = Map.of(
                "/api/v1/events?updatedSince=yesterday",
                "updatedSince",
                "/api/v1/events?updatedSince=1066-10-14T10:00:00Z",
                "updatedSince",
                "/api/v1/events?updatedSince=2026-01-01T00:00:00Z&cursor=nonsense",
                "cursor",
                "/api/v1/events?updatedSince=2026-01-01T00:00:00Z&cursor=" + other,
                "cursor",
                "/api/v1/events?updatedSince=2026-01-01T00:00:00Z&limit=201",
                "limit",
                "/api/v1/events?updatedSince=2026-01-01T00:00:00Z&city=Berlin",
                "city",
                "/api/v1/events/deleted",
                "since",
                "/api/v1/events/deleted?since=2026-01-01T00:00:00Z&limit=0",
                "limit");
        refused.forEach((uri, field) -> partner.get(uri)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field));
    }

    /**
     * To strangers a taken-down event is deleted: its organization's later edits of its visibility neither
     * withdraw its tombstone nor bring it back into the changes feed.
     */
    @Test
    void aTakenDownEventStaysRemovedWhateverItsOrganizationEdits() {
        EventFixtures f = new EventFixtures(api());
        Instant since = Instant.now().minusSeconds(1);
        String id = f.create(f.vigil("2027-09-08T18:00", "2027-09-08T19:00"))
                .get("id")
                .asString();
        platformAdmin()
                .post("/api/v1/moderation/events/" + id + "/hide", Map.of())
                .expectStatus()
                .isOk();
        for (String visibility : List.of("PRIVATE", "PUBLIC")) {
            f.owner
                    .patch("/api/v1/events/" + id, Map.of("visibility", visibility))
                    .expectStatus()
                    .isOk();
        }
        awaitPastHorizon();
        Api.Caller stranger = api().anonymous();
        assertThat(ids(body(stranger, "/api/v1/events/deleted?since=" + since), List.of(id)))
                .containsExactly(id);
        assertThat(ids(body(stranger, "/api/v1/events?updatedSince=" + since), List.of(id)))
                .isEmpty();
    }

    private void awaitPastHorizon() {
        Instant past = Instant.now().plus(sync.horizon()).plusMillis(50);
        await().atMost(sync.horizon().plusSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(past));
    }

    private static List<String> ids(JsonNode page, List<String> among) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> {
            if (among.contains(i.get("id").asString())) {
                ids.add(i.get("id").asString());
            }
        });
        return ids;
    }

    static JsonNode body(Api.Caller caller, String uri) {
        return caller.get(uri)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static void ok(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk();
    }
}
