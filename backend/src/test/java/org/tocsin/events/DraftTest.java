package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.tocsin.support.Api;
import org.tocsin.support.IntegrationTest;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 #3: a draft is its organization's members' alone. Until it is published it changes no public
 * answer (discovery and the widget's API, search, tag, organization, campaign and ad-hoc feeds in all
 * three formats with their ETags, campaign counts, the city list), no webhook or other follower hears of
 * it, and strangers get the same 404 as for an id that never existed. Published now or by the scheduled
 * publisher (once, however many runs race), it is announced as a creation is.
 */
class DraftTest extends IntegrationTest {

    @Autowired
    EventNotices notices;

    @Autowired
    EventTimers timers;

    private final List<EventNotices.Notice> heard = new CopyOnWriteArrayList<>();
    private Disposable listening;

    @BeforeEach
    void listen() {
        listening = notices.notices().subscribe(heard::add);
    }

    @AfterEach
    void stop() {
        listening.dispose();
    }

    private record Setup(EventFixtures org, String campaign, String tag, String word) {}

    private Setup setup() {
        EventFixtures org = new EventFixtures(api());
        String campaign = "draft-campaign-" + System.nanoTime();
        org.owner
                .post(
                        "/api/v1/campaigns",
                        Map.of("name", "Draft day", "slug", campaign, "organization", org.organization))
                .expectStatus()
                .isCreated();
        String n = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        Setup s = new Setup(org, campaign, "drafttag" + n, "zebrafinch" + n);
        // One published event, so that the surfaces are not empty: a draft must not change a non-empty answer either.
        Map<String, Object> published = org.vigil("2027-06-01T18:00", "2027-06-01T19:00");
        published.put("tags", List.of(s.tag()));
        published.put("campaign", campaign);
        published.put("title", "Published vigil " + s.word());
        org.create(published);
        return s;
    }

    private Map<String, Object> draft(Setup s, String title) {
        Map<String, Object> body = s.org().vigil("2027-05-20T18:00", "2027-05-20T19:00");
        body.put("title", title + " " + s.word());
        body.put("tags", List.of(s.tag()));
        body.put("campaign", s.campaign());
        body.put("draft", true);
        return body;
    }

    /** Every public surface the draft could show on, as an anonymous caller gets it: status, ETag and body. */
    private Map<String, String> publicSurfaces(Setup s) {
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/events?organization=" + s.org().organization + "&from=2027-01-01",
                "/api/v1/events?q=" + s.word() + "&from=2027-01-01",
                "/api/v1/events?tag=" + s.tag() + "&from=2027-01-01&limit=1",
                "/api/v1/campaigns/" + s.campaign(),
                "/api/v1/cities"));
        for (String format : List.of("ics", "atom", "json")) {
            paths.add("/feeds/organizations/" + s.org().organization + "." + format);
            paths.add("/feeds/tags/" + s.tag() + "." + format);
            paths.add("/feeds/campaigns/" + s.campaign() + "." + format);
            paths.add("/feeds/events." + format + "?organization=" + s.org().organization);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            EntityExchangeResult<byte[]> r =
                    web.get().uri(path).exchange().expectBody(byte[].class).returnResult();
            String body = r.getResponseBody() == null
                    ? ""
                    : new String(r.getResponseBody(), StandardCharsets.UTF_8)
                            // The stamp of when a feed was rendered is the wall clock's, whatever it holds.
                            .replaceAll("DTSTAMP:\\S+", "");
            answers.put(
                    path, r.getStatus().value() + " " + r.getResponseHeaders().getETag() + " " + body);
        }
        return answers;
    }

    private List<EventNotices.Notice> heardOf(String id) {
        return heard.stream().filter(n -> n.eventId().equals(id)).toList();
    }

    @Test
    void aDraftChangesNoPublicAnswerAndOnlyMembersReadIt() {
        Setup s = setup();
        Api.Caller member = s.org().memberWithRole("MEMBER");
        Map<String, String> before = publicSurfaces(s);

        JsonNode created = s.org().create(draft(s, "Secret draft"));
        String id = created.get("id").asString();
        assertThat(created.get("draft").asBoolean()).isTrue();
        // Edited, postponed and cancelled while a draft: still nobody's news.
        s.org()
                .owner
                .patch("/api/v1/events/" + id, Map.of("title", "Secret draft renamed " + s.word()))
                .expectStatus()
                .isOk();
        s.org()
                .owner
                .post("/api/v1/events/" + id + "/postpone", Map.of())
                .expectStatus()
                .isOk();
        s.org()
                .owner
                .post("/api/v1/events/" + id + "/reinstate", Map.of())
                .expectStatus()
                .isOk();

        assertThat(publicSurfaces(s)).isEqualTo(before);
        // A stranger, or a signed-in outsider, gets what an unknown id gets; the page too.
        String unknown = api().anonymous()
                .get("/api/v1/events/AAAAAAAAAAAAAAAAAAAAAA")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(api().anonymous()
                        .get("/api/v1/events/" + id)
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .isEqualTo(unknown.replace("AAAAAAAAAAAAAAAAAAAAAA", id));
        api().newUser("Outsider").get("/api/v1/events/" + id).expectStatus().isNotFound();
        web.get().uri("/events/" + id).exchange().expectStatus().isNotFound();
        web.get().uri("/events/" + id + ".ics").exchange().expectStatus().isNotFound();
        api().anonymous()
                .post("/api/v1/events/" + id + "/rsvps", Map.of("name", "Spy", "response", "GOING", "guests", 0))
                .expectStatus()
                .isNotFound();
        // Members read it and find it in their list of drafts; nobody answers it before it is out.
        member.get("/api/v1/events/" + id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.draft")
                .isEqualTo(true);
        member.get("/api/v1/events/drafts?organization=" + s.org().organization)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(id);
        api().newUser("Outsider")
                .get("/api/v1/events/drafts?organization=" + s.org().organization)
                .expectStatus()
                .isNotFound();
        member.post("/api/v1/events/" + id + "/rsvps", Map.of("name", "Member", "response", "GOING", "guests", 0))
                .expectStatus()
                .isEqualTo(409);
        // Only a MANAGE_EVENTS role publishes.
        member.post("/api/v1/events/" + id + "/publish", Map.of())
                .expectStatus()
                .isForbidden();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> heardOf(id).isEmpty());

        // Published: announced as a creation, and on every surface.
        s.org()
                .owner
                .post("/api/v1/events/" + id + "/publish", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.draft")
                .doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> !heardOf(id).isEmpty());
        assertThat(heardOf(id)).extracting(EventNotices.Notice::kind).containsExactly(EventNotices.Kind.CREATED);
        Map<String, String> after = publicSurfaces(s);
        after.forEach((path, answer) -> {
            if (!path.equals("/api/v1/cities")) {
                assertThat(answer).as(path).isNotEqualTo(before.get(path));
            }
        });
        assertThat(after.get("/feeds/tags/" + s.tag() + ".ics")).contains("Secret draft renamed");
        api().anonymous().get("/api/v1/events/" + id).expectStatus().isOk();
        // Out is out: a published event does not go back to being a draft.
        s.org()
                .owner
                .patch("/api/v1/events/" + id, Map.of("draft", true))
                .expectStatus()
                .isBadRequest();
        s.org()
                .owner
                .post("/api/v1/events/" + id + "/publish", Map.of())
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void aDeletedDraftIsNobodysNews() {
        Setup s = setup();
        String id = s.org().create(draft(s, "Abandoned draft")).get("id").asString();
        s.org().owner.delete("/api/v1/events/" + id).expectStatus().isNoContent();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> heardOf(id).isEmpty());
    }

    @Test
    void aScheduledDraftIsPublishedOnceAtItsTimeHoweverManyRunsRace() {
        Setup s = setup();
        Instant at = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = draft(s, "Scheduled vigil");
        body.remove("draft");
        body.put("publishAt", at.toString());
        JsonNode created = s.org().create(body);
        String id = created.get("id").asString();
        assertThat(created.get("draft").asBoolean()).isTrue();
        assertThat(created.get("publishAt").asString()).isEqualTo(at.toString());
        Map<String, String> before = publicSurfaces(s);

        // A scheduled time must lie ahead.
        s.org()
                .owner
                .patch("/api/v1/events/" + id, Map.of("publishAt", "2020-01-01T00:00:00Z"))
                .expectStatus()
                .isBadRequest();
        // Not yet: a run before the time publishes nothing.
        timers.run(at.minusSeconds(1)).block(Duration.ofSeconds(30));
        api().anonymous().get("/api/v1/events/" + id).expectStatus().isNotFound();
        assertThat(publicSurfaces(s)).isEqualTo(before);

        // Four runs at once (as four replicas would): the event is published and announced once.
        List<Long> published = reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> Mono.defer(() -> timers.run(at.plusSeconds(1))).subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(published.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(1);
        api().anonymous().get("/api/v1/events/" + id).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> !heardOf(id).isEmpty());
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> heardOf(id).size() == 1);
        assertThat(heardOf(id).getFirst().kind()).isEqualTo(EventNotices.Kind.CREATED);
        assertThat(publicSurfaces(s).get("/feeds/organizations/" + s.org().organization + ".ics"))
                .contains("Scheduled vigil");
        String etag = web.get()
                .uri("/feeds/organizations/" + s.org().organization + ".ics")
                .exchange()
                .returnResult(byte[].class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.ETAG);
        assertThat(before.get("/feeds/organizations/" + s.org().organization + ".ics"))
                .doesNotContain(etag);
    }
}
