package org.tocsin.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.audit.AuditAction;
import org.tocsin.audit.AuditLog;
import org.tocsin.bulk.internal.ImportJobDocument;
import org.tocsin.bulk.internal.ImportJobDocument.State;
import org.tocsin.bulk.internal.ImportJobStore;
import org.tocsin.events.EventBatches;
import org.tocsin.kernel.OperatorMetrics;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationRef;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.storage.Ids;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk imports as jobs. The request is answered once the file is read and the job stored; the job then
 * checks every line and, only if none is refused, writes them all. All or nothing, not "the valid lines":
 * a file is one plan, and an organizer who fixes the refused lines sends the same file again, which would
 * duplicate every line already written. One job at a time per replica: each holds its whole file.
 */
@Service
class BulkImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkImports.class);
    /** Problems kept on the job: enough to fix a file by, bounded whatever the file holds. */
    static final int PROBLEMS_KEPT = 100;

    private final OrganizationService organizations;
    private final EventBatches batches;
    private final ImportJobStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxBytes;
    private final int maxLines;
    private final Duration lease;
    private final Duration keep;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Disposable.Composite jobs = Disposables.composite();

    BulkImports(
            OrganizationService organizations,
            EventBatches batches,
            ImportJobStore store,
            AuditLog audit,
            Clock clock,
            @Value("${tocsin.events.import.max-bytes:16777216}") int maxBytes,
            @Value("${tocsin.events.import.max-lines:10000}") int maxLines,
            @Value("${tocsin.events.import.lease:PT2M}") Duration lease,
            @Value("${tocsin.events.import.keep:P7D}") Duration keep) {
        this.organizations = organizations;
        this.batches = batches;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
        this.lease = lease;
        this.keep = keep;
    }

    /** The job, stored and started; the caller polls it. */
    Mono<ImportJobDocument> start(CurrentUser user, String slug, Flux<DataBuffer> body) {
        return organizations
                .requireBySlug(user, slug, Permission.MANAGE_EVENTS)
                .flatMap(organization -> NdjsonLines.read(body, maxBytes, maxLines)
                        .flatMap(lines -> claim().then(Mono.defer(() -> {
                            var now = clock.instant();
                            return store.insert(new ImportJobDocument(
                                            Ids.newId(),
                                            organization.id(),
                                            State.CHECKING,
                                            lines.size(),
                                            0,
                                            0,
                                            List.of(),
                                            false,
                                            now,
                                            now,
                                            now))
                                    .doOnSuccess(job -> launch(user, organization, lines, job))
                                    .doOnError(e -> running.set(false));
                        }))));
    }

    Mono<ImportJobDocument> get(CurrentUser user, String slug, String id) {
        return organizations
                .requireBySlug(user, slug, Permission.MANAGE_EVENTS)
                .flatMap(organization ->
                        store.byId(id).filter(job -> job.organizationId().equals(organization.id())))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("Import")));
    }

    private Mono<Void> claim() {
        return Mono.defer(() -> running.compareAndSet(false, true)
                ? Mono.empty()
                : Mono.error(Refusal.of(
                        Refusal.Reason.CONFLICT, "Another import is running here; try again when it is done")));
    }

    /** The job runs on after the request is answered; the application's shutdown stops it. */
    private void launch(
            CurrentUser user, OrganizationRef organization, List<EventBatches.Line> lines, ImportJobDocument job) {
        AtomicReference<ImportJobDocument> last = new AtomicReference<>(job);
        Mono<Void> work = batches.check(user, organization.slug(), lines)
                .doOnNext(checked -> {
                    if (checked.failedLines() > 0) {
                        OperatorMetrics.importFailed("bulk_rejected");
                    }
                })
                .flatMap(checked -> checked.failedLines() > 0
                        ? save(
                                last,
                                last.get()
                                        .rejected(
                                                checked.failedLines(),
                                                checked.problems().stream()
                                                        .limit(PROBLEMS_KEPT)
                                                        .map(p -> new ImportJobDocument.Problem(
                                                                p.line(), p.field(), p.message()))
                                                        .toList(),
                                                checked.problems().size() > PROBLEMS_KEPT,
                                                clock.instant()))
                        : save(last, last.get().with(State.WRITING, 0, clock.instant()))
                                .thenMany(batches.write(checked))
                                .concatMap(
                                        written -> save(last, last.get().with(State.WRITING, written, clock.instant())))
                                .then(Mono.defer(() -> save(
                                        last,
                                        last.get().with(State.DONE, last.get().written(), clock.instant()))))
                                .flatMap(done -> imported(user, organization, done)))
                .then()
                .onErrorResume(e -> {
                    OperatorMetrics.importFailed("bulk_failed");
                    log.error(
                            "Import {} failed after {} events",
                            job.id(),
                            last.get().written(),
                            e);
                    return save(last, last.get().with(State.FAILED, last.get().written(), clock.instant()))
                            .then();
                })
                .doFinally(signal -> running.set(false));
        // The lease, renewed well within its length while the job runs (checking saves nothing for a while).
        Disposable heartbeat = Flux.interval(lease.dividedBy(4))
                .concatMap(tick -> store.beat(job.id(), clock.instant()).onErrorResume(e -> Mono.empty()))
                .subscribe(null, e -> log.warn("Import {} no longer renews its lease: {}", job.id(), e.toString()));
        jobs.add(heartbeat);
        jobs.add(work.doFinally(signal -> heartbeat.dispose())
                .subscribe(null, e -> log.error("Import {} not recorded as failed", job.id(), e)));
    }

    /**
     * Every minute, on every replica (each step is one atomic update, so replicas may overlap): jobs whose
     * replica stopped renewing their lease are marked FAILED, and finished jobs older than {@code keep} go.
     */
    @Scheduled(fixedDelayString = "${tocsin.events.import.sweep-every:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        sweepNow().subscribe(null, e -> log.warn("Import jobs not swept: {}", e.toString()));
    }

    Mono<Void> sweepNow() {
        Instant now = clock.instant();
        return store.failAbandoned(now.minus(lease), now)
                .doOnNext(failed -> {
                    if (failed > 0) {
                        log.warn("{} import jobs marked FAILED: their replica stopped renewing their lease", failed);
                    }
                })
                .then(store.deleteFinishedBefore(now.minus(keep)))
                .then();
    }

    /**
     * One entry for the whole job, not one per event: who imported how many. Its events' own entries
     * would flood the log with thousands of lines that say less.
     */
    private Mono<ImportJobDocument> imported(CurrentUser user, OrganizationRef organization, ImportJobDocument done) {
        return audit.record(AuditLog.Record.of(
                        organization.id(),
                        user.id(),
                        AuditAction.EVENTS_IMPORTED,
                        "IMPORT",
                        done.id(),
                        Integer.toString(done.written())))
                .thenReturn(done);
    }

    private Mono<ImportJobDocument> save(AtomicReference<ImportJobDocument> last, ImportJobDocument next) {
        return store.save(next).doOnNext(last::set);
    }

    @Override
    public void destroy() {
        jobs.dispose();
    }
}
