package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tocsin.events.internal.EventStore;
import org.tocsin.support.IntegrationTest;
import org.tocsin.takedowns.Takedowns;

/**
 * On the embedded database the delta-sync feed takes its order from {@link ChangeOrder} instead of a query
 * that reads every event: for every audience and from every position it must select exactly what the
 * query selects, in the same order.
 */
class ChangeOrderTest extends IntegrationTest {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private record Position(Instant updatedAt, String id) {}

    @Autowired
    ChangeOrder order;

    @Autowired
    EventStore store;

    @Autowired
    Takedowns takedowns;

    @Test
    void everyAudienceAndPositionGetsWhatTheDatabaseQuerySelects() {
        EventFixtures host = new EventFixtures(api());
        EventFixtures other = new EventFixtures(api());
        List<String> mine = new ArrayList<>();
        mine.add(create(host, "PUBLIC", false));
        mine.add(create(host, "PRIVATE", false));
        mine.add(create(host, "UNLISTED", false));
        mine.add(create(host, "PUBLIC", true));
        String edited = create(host, "PUBLIC", false);
        mine.add(edited);
        String deleted = create(host, "PUBLIC", false);
        mine.add(deleted);
        mine.add(create(other, "PUBLIC", false));
        mine.add(create(other, "PRIVATE", false));
        host.owner
                .patch("/api/v1/events/" + edited, Map.of("title", "Edited after the others"))
                .expectStatus()
                .isOk();
        host.owner.delete("/api/v1/events/" + deleted).expectStatus().isNoContent();
        String hostId = store.byId(mine.getFirst()).block().organizationId();
        String otherId = store.byId(mine.getLast()).block().organizationId();

        for (Set<String> memberOf : List.of(Set.<String>of(), Set.of(hostId), Set.of(hostId, otherId))) {
            List<Position> expected = fromQuery(Instant.EPOCH, "", memberOf, mine);
            assertThat(ids(expected))
                    .as("a caller of %s", memberOf)
                    .isEqualTo(fromOrder(Instant.EPOCH, "", memberOf, mine));
            // From each position the rest follows, as a mirror paging through gets it.
            for (Position at : expected) {
                assertThat(fromOrder(at.updatedAt(), at.id(), memberOf, mine))
                        .as("after %s for %s", at, memberOf)
                        .isEqualTo(ids(fromQuery(at.updatedAt(), at.id(), memberOf, mine)));
            }
        }
        assertThat(fromOrder(Instant.EPOCH, "", Set.of(), mine))
                .as("strangers get the public events, not the draft, the deleted or the non-public ones")
                .hasSize(3)
                .endsWith(edited);
    }

    private String create(EventFixtures f, String visibility, boolean draft) {
        Map<String, Object> body = f.vigil("2027-10-01T18:00", "2027-10-01T19:00");
        body.put("visibility", visibility);
        if (draft) {
            body.put("draft", true);
        }
        return f.create(body).get("id").asString();
    }

    private List<Position> fromQuery(Instant at, String id, Set<String> memberOf, List<String> mine) {
        EventStore.TakenDown takenDown = new EventStore.TakenDown(
                takedowns.hidden(Takedowns.Kind.EVENT), takedowns.hidden(Takedowns.Kind.ORGANIZATION));
        return store.listedChanges(at, id, FAR, memberOf, takenDown, 100_000)
                .filter(e -> mine.contains(e.id()))
                .map(e -> new Position(e.updatedAt(), e.id()))
                .collectList()
                .block();
    }

    private List<String> fromOrder(Instant at, String id, Set<String> memberOf, List<String> mine) {
        return order.after(at, id, FAR, memberOf, 100_000).stream()
                .filter(mine::contains)
                .toList();
    }

    private static List<String> ids(List<Position> positions) {
        return positions.stream().map(Position::id).toList();
    }
}
