package org.tocsin.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventWrites;
import org.tocsin.imports.internal.ImportSourceDocument;
import org.tocsin.imports.internal.ImportStore;
import org.tocsin.imports.internal.ImportedEventDocument;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes the organization's events what a partner's calendar says, one UID at a time, through
 * {@link EventWrites} (the checks and read-model updates of any other write). A UID seen before is
 * rewritten only when what it maps to changed; one that disappeared from a calendar is cancelled, and
 * restored if it comes back. One UID's refusal does not stop the others.
 */
@Component
class ImportApplier {

    static final String REMOVED = "Removed from the partner's calendar";
    static final String CANCELLED = "Cancelled in the partner's calendar";
    static final int MAX_LISTED_REFUSALS = 100;

    private final ImportStore store;
    private final EventWrites events;

    ImportApplier(ImportStore store, EventWrites events) {
        this.store = store;
        this.events = events;
    }

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        CANCELLED,
        SKIPPED
    }

    record Tally(List<Outcome> outcomes, List<ImportSourceDocument.Refusal> refused) {
        int count(Outcome o) {
            return (int) outcomes.stream().filter(o::equals).count();
        }
    }

    /** Applies the file; {@code mirror}: a polled calendar is the whole truth, so UIDs it lost are cancelled. */
    Mono<Tally> apply(ImportSourceDocument source, CurrentUser actor, IcsImport.Result read, boolean mirror) {
        List<ImportSourceDocument.Refusal> refused = new ArrayList<>();
        read.refused().forEach(r -> refused.add(new ImportSourceDocument.Refusal(r.uid(), r.summary(), r.reason())));
        Set<String> present = new java.util.HashSet<>(
                read.events().stream().map(PlannedEvent::uid).toList());
        read.refused().stream().filter(r -> r.uid() != null).forEach(r -> present.add(r.uid()));
        Flux<Outcome> applied = Flux.fromIterable(read.events())
                .concatMap(planned -> one(source, actor, planned).onErrorResume(e -> {
                    refused.add(new ImportSourceDocument.Refusal(planned.uid(), planned.summary(), reason(e)));
                    return Mono.empty();
                }));
        Flux<Outcome> removed = !mirror
                ? Flux.empty()
                : store.importedFrom(source.id())
                        .filter(i -> !present.contains(i.uid()) && !i.cancelledBySync())
                        .concatMap(i -> events.setStatus(actor, i.eventId(), EventStatus.CANCELLED, REMOVED)
                                .then(store.save(new ImportedEventDocument(
                                        i.id(),
                                        i.organizationId(),
                                        i.sourceId(),
                                        i.uid(),
                                        i.eventId(),
                                        null,
                                        i.overrides(),
                                        true)))
                                .thenReturn(Outcome.CANCELLED)
                                .onErrorResume(e -> Mono.just(Outcome.SKIPPED)));
        return applied.concatWith(removed)
                .collectList()
                .map(outcomes -> new Tally(
                        outcomes, List.copyOf(refused.subList(0, Math.min(refused.size(), MAX_LISTED_REFUSALS)))));
    }

    private Mono<Outcome> one(ImportSourceDocument source, CurrentUser actor, PlannedEvent planned) {
        String id = source.organizationId() + ":" + hash(planned.uid());
        return store.imported(id)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(existing -> {
                    if (existing.isEmpty()) {
                        if (planned.cancelled()) {
                            return Mono.just(Outcome.SKIPPED); // Cancelled before Tocsin ever saw it.
                        }
                        return events.create(actor, planned.request())
                                .flatMap(eventId -> occurrences(actor, eventId, planned)
                                        .then(store.save(new ImportedEventDocument(
                                                id,
                                                source.organizationId(),
                                                source.id(),
                                                planned.uid(),
                                                eventId,
                                                planned.fingerprint(),
                                                recurrenceIds(planned),
                                                false))))
                                .thenReturn(Outcome.CREATED);
                    }
                    ImportedEventDocument known = existing.get();
                    if (!known.sourceId().equals(source.id())) {
                        return Mono.error(new IllegalArgumentException(
                                "the same UID is already imported from another source of this organization"));
                    }
                    if (planned.fingerprint().equals(known.fingerprint())) {
                        return Mono.just(Outcome.UNCHANGED);
                    }
                    String eventId = known.eventId();
                    Mono<Void> write = planned.cancelled()
                            ? events.setStatus(actor, eventId, EventStatus.CANCELLED, CANCELLED)
                            : events.clearOccurrences(actor, eventId)
                                    .then(events.replace(actor, eventId, planned.request()))
                                    .then(occurrences(actor, eventId, planned))
                                    .then(
                                            known.cancelledBySync()
                                                    ? events.setStatus(actor, eventId, EventStatus.SCHEDULED, null)
                                                    : Mono.empty());
                    return write.then(store.save(new ImportedEventDocument(
                                    id,
                                    known.organizationId(),
                                    known.sourceId(),
                                    known.uid(),
                                    eventId,
                                    planned.fingerprint(),
                                    recurrenceIds(planned),
                                    planned.cancelled())))
                            .thenReturn(planned.cancelled() ? Outcome.CANCELLED : Outcome.UPDATED);
                });
    }

    private Mono<Void> occurrences(CurrentUser actor, String eventId, PlannedEvent planned) {
        return Flux.fromIterable(planned.occurrences())
                .concatMap(o -> events.setOccurrence(
                        actor, eventId, o.recurrenceId().toString(), o.cancelled(), o.start(), o.end()))
                .then();
    }

    private static List<String> recurrenceIds(PlannedEvent planned) {
        return planned.occurrences().stream()
                .map(o -> o.recurrenceId().toString())
                .toList();
    }

    /** The reason a write was refused, in the words the API would have used. */
    static String reason(Throwable e) {
        if (e instanceof Refusal problem) {
            if (!problem.fields().isEmpty()) {
                return problem.fields().stream()
                        .map(f -> f.field() + ": " + f.message())
                        .collect(Collectors.joining("; "));
            }
            return problem.getMessage();
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "could not be saved";
    }

    static String hash(String uid) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
