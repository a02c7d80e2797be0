package org.tocsin.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.AccountService;
import org.tocsin.audit.internal.AuditDocument;
import org.tocsin.audit.internal.AuditStore;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Mono;

/**
 * Writes and reads the audit log. Recording is part of the flow that made the change (composed, never
 * fire-and-forget), after the change is stored. Reading answers a page; who may read it (ADMIN+ of the
 * organization) is the caller's check, made before asking.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** Labels are titles and names, cut short: an entry is a pointer, not a copy of the object. */
    static final int MAX_LABEL = 120;

    public static final int MAX_PAGE = 200;

    private final AuditStore store;
    private final AccountService accounts;
    private final AuditProperties properties;
    private final Clock clock;

    AuditLog(AuditStore store, AccountService accounts, AuditProperties properties, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What to record. {@code actorId} is an organizer's or a moderator's account (null: the system);
     * {@code subjectUserId} a member the action was about (role changes), never an attendee.
     */
    public record Record(
            String organizationId,
            String campaignId,
            String actorId,
            AuditAction action,
            String subjectKind,
            String subjectId,
            String subjectUserId,
            String label) {

        /** About an object of the organization, e.g. an event. */
        public static Record of(
                String organizationId,
                String actorId,
                AuditAction action,
                String subjectKind,
                String subjectId,
                String label) {
            return new Record(organizationId, null, actorId, action, subjectKind, subjectId, null, label);
        }

        public Record inCampaign(String campaignId) {
            return new Record(
                    organizationId, campaignId, actorId, action, subjectKind, subjectId, subjectUserId, label);
        }

        public Record aboutMember(String userId) {
            return new Record(organizationId, campaignId, actorId, action, subjectKind, subjectId, userId, label);
        }
    }

    public Mono<Void> record(Record r) {
        return Mono.defer(() -> store.insert(new AuditDocument(
                        Ids.newId(),
                        r.organizationId(),
                        r.campaignId(),
                        r.actorId(),
                        r.action().name(),
                        r.subjectKind(),
                        r.subjectId(),
                        r.subjectUserId(),
                        shortened(r.label()),
                        clock.instant())))
                .then();
    }

    /** A page of entries, newest first, and the cursor of the next (null at the end). */
    public record Page(List<AuditEntry> entries, String nextCursor) {}

    /**
     * One page of the organization's log, or of its entries about {@code campaignId}; {@code cursor} from
     * the previous page ("epochMillis.id"); a malformed cursor starts over.
     */
    public Mono<Page> page(String organizationId, String campaignId, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        Instant beforeAt = null;
        String beforeId = null;
        if (cursor != null) {
            int dot = cursor.indexOf('.');
            try {
                beforeAt = Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, Math.max(dot, 0))));
                beforeId = cursor.substring(dot + 1);
            } catch (NumberFormatException e) {
                beforeAt = null;
            }
        }
        return store.page(organizationId, campaignId, beforeAt, beforeId, size + 1)
                .collectList()
                .flatMap(docs -> {
                    List<AuditDocument> shown = docs.subList(0, Math.min(size, docs.size()));
                    String next = docs.size() > size
                            ? shown.getLast().at().toEpochMilli() + "."
                                    + shown.getLast().id()
                            : null;
                    return named(shown).map(entries -> new Page(entries, next));
                });
    }

    /** The entries a person made or that were about them, for their export. */
    Mono<List<AuditEntry>> about(String userId, int limit) {
        return store.about(userId, limit).collectList().flatMap(this::named);
    }

    private Mono<List<AuditEntry>> named(List<AuditDocument> docs) {
        List<String> actors = docs.stream()
                .map(AuditDocument::actorId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        return accounts.displayNames(actors)
                .map(names -> docs.stream()
                        .map(d -> new AuditEntry(
                                d.id(),
                                d.at(),
                                d.actorId(),
                                d.actorId() == null ? null : names.get(d.actorId()),
                                d.action(),
                                d.subjectKind(),
                                d.subjectId(),
                                d.label(),
                                d.subjectUserId(),
                                d.campaignId()))
                        .toList());
    }

    /** Daily: entries older than the retention go. */
    @Scheduled(cron = "0 41 3 * * *", zone = "UTC")
    void sweep() {
        sweepNow().subscribe(null, e -> log.warn("Audit entries not swept: {}", e.toString()));
    }

    Mono<Long> sweepNow() {
        return store.deleteBefore(clock.instant().minus(properties.retention()));
    }

    private static String shortened(String label) {
        if (label == null) {
            return null;
        }
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    /**
     * A deleted organization's entries, and its deleted campaigns': its record goes with it (nobody is left
     * who may read it). Answers how many went.
     */
    public Mono<Long> forgetOrganization(String organizationId, Collection<String> campaignIds) {
        return store.deleteOf(organizationId, List.copyOf(campaignIds));
    }
}
