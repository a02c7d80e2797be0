package org.tocsin.imports;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.EventKind;
import org.tocsin.events.Visibility;
import org.tocsin.imports.internal.ImportSourceDocument;
import org.tocsin.imports.internal.ImportStore;
import org.tocsin.kernel.OperatorMetrics;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationAccess;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.outbound.OutboundHttp;
import org.tocsin.outbound.OutboundRefusal;
import org.tocsin.storage.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sources of an organization's imports: added, listed, synced and removed by its ADMINs and OWNERs. A sync
 * acts as the admin who added the source (so the events feature checks their rights on every write) and
 * stops with a reason once they are no longer an admin. Removing a source keeps its events: they are the
 * organization's now.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int MAX_UPLOAD_BYTES = 200 * 1024;

    private final ImportStore store;
    private final ImportApplier applier;
    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final OutboundHttp http;
    private final ImportProperties properties;
    private final Clock clock;

    ImportService(
            ImportStore store,
            ImportApplier applier,
            OrganizationService organizations,
            OrganizationAccess access,
            OutboundHttp http,
            ImportProperties properties,
            Clock clock) {
        this.store = store;
        this.applier = applier;
        this.organizations = organizations;
        this.access = access;
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    private Mono<ImportSourceDocument> sourceOf(CurrentUser user, String slug, String id) {
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMap(org -> store.source(id)
                        .filter(s -> s.organizationId().equals(org.id()))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Import source"))));
    }

    Flux<ImportSourceView> list(CurrentUser user, String slug) {
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMapMany(org -> store.sources(org.id(), properties.maxSources() + 1))
                .map(ImportSourceView::of);
    }

    Mono<ImportSourceView> get(CurrentUser user, String slug, String id) {
        return sourceOf(user, slug, id).map(ImportSourceView::of);
    }

    /** Adds a URL source and syncs it at once, so the answer shows what it found. */
    Mono<ImportSourceView> add(CurrentUser user, String slug, ImportSourceRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            return Mono.error(Refusal.invalid("url", "is required"));
        }
        URI url;
        try {
            url = OutboundHttp.checkedUrl(request.url());
        } catch (OutboundRefusal e) {
            return Mono.error(Refusal.invalid("url", e.getMessage()));
        }
        ImportSourceDocument.Defaults defaults = defaults(request);
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMap(org -> store.countSources(org.id())
                        .flatMap(n -> n >= properties.maxSources()
                                ? Mono.error(Refusal.invalid(
                                        "url",
                                        "an organization imports at most " + properties.maxSources() + " calendars"))
                                : Mono.just(org)))
                .flatMap(org -> {
                    Instant now = clock.instant();
                    return store.insert(new ImportSourceDocument(
                            Ids.newId(),
                            org.id(),
                            url.toString(),
                            name(request.name(), url.getHost()),
                            defaults,
                            user.id(),
                            now,
                            now,
                            now.plus(ImportProperties.LEASE),
                            null,
                            null,
                            0,
                            null));
                })
                .flatMap(source -> syncLeased(source, null))
                .map(ImportSourceView::of);
    }

    /** A one-off .ics file, read into the organization's upload source (one per organization, its defaults updated). */
    Mono<ImportSourceView> upload(CurrentUser user, String slug, ImportSourceRequest request, byte[] ics) {
        if (ics.length > MAX_UPLOAD_BYTES) {
            return Mono.error(Refusal.invalid("file", "may be at most " + MAX_UPLOAD_BYTES / 1024 + " KB"));
        }
        ImportSourceDocument.Defaults defaults = defaults(request);
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMap(org -> {
                    String id = "upload-" + org.id();
                    Instant now = clock.instant();
                    return store.source(id)
                            .defaultIfEmpty(new ImportSourceDocument(
                                    id, org.id(), null, "Uploads", defaults, user.id(), now, now, null, null, null, 0,
                                    null))
                            .flatMap(existing -> store.save(new ImportSourceDocument(
                                    id,
                                    org.id(),
                                    null,
                                    "Uploads",
                                    defaults,
                                    user.id(),
                                    existing.createdAt(),
                                    existing.nextSyncAt(),
                                    null,
                                    null,
                                    null,
                                    0,
                                    existing.status())))
                            .flatMap(source -> store.claim(id, now, now.plus(ImportProperties.LEASE)))
                            .switchIfEmpty(Mono.error(
                                    Refusal.of(Refusal.Reason.CONFLICT, "An upload is being read; try again soon")))
                            .flatMap(source -> syncLeased(source, ics))
                            .map(ImportSourceView::of);
                });
    }

    Mono<ImportSourceView> syncNow(CurrentUser user, String slug, String id) {
        return sourceOf(user, slug, id)
                .filter(s -> s.url() != null)
                .switchIfEmpty(Mono.error(Refusal.notFound("Import source")))
                .flatMap(s -> {
                    Instant now = clock.instant();
                    return store.claim(s.id(), now, now.plus(ImportProperties.LEASE));
                })
                .switchIfEmpty(Mono.error(
                        Refusal.of(Refusal.Reason.CONFLICT, "This calendar is being synced; try again soon")))
                .flatMap(source -> syncLeased(source, null))
                .map(ImportSourceView::of);
    }

    /** Stops importing; the events stay the organization's, no longer tied to the source. */
    Mono<Void> remove(CurrentUser user, String slug, String id) {
        return sourceOf(user, slug, id)
                .flatMap(s -> store.forgetImportsOf(s.id()).then(store.deleteSource(s.id())));
    }

    private static String name(String name, String host) {
        return name == null || name.isBlank() ? host : name.strip();
    }

    private static ImportSourceDocument.Defaults defaults(ImportSourceRequest r) {
        if (IcsZones.zone(r.timeZone()) == null) {
            throw Refusal.invalid("timeZone", "is not a known IANA time zone such as Europe/Berlin");
        }
        return new ImportSourceDocument.Defaults(
                r.kind().name(),
                r.city().strip(),
                r.countryCode().strip().toUpperCase(java.util.Locale.ROOT),
                IcsZones.zone(r.timeZone()).getId(),
                r.tags() == null ? List.of() : List.copyOf(r.tags()),
                r.campaign() == null || r.campaign().isBlank()
                        ? null
                        : r.campaign().strip(),
                Objects.requireNonNullElse(r.visibility(), Visibility.PUBLIC).name());
    }

    private static ImportDefaults checked(ImportSourceDocument.Defaults d) {
        return new ImportDefaults(
                EventKind.valueOf(d.kind()),
                d.city(),
                d.countryCode(),
                ZoneId.of(d.timeZone()),
                d.tags(),
                d.campaign(),
                Visibility.valueOf(d.visibility()));
    }

    /** Syncs a source this replica holds the lease of (polled, or asked for), and releases it with the outcome. */
    Mono<ImportSourceDocument> syncLeased(ImportSourceDocument source, byte[] uploaded) {
        // The admin who added the source, as the events feature knows a caller: by id and memberships only.
        CurrentUser actor = new CurrentUser(source.addedBy(), null, null, false);
        Instant started = clock.instant();
        Mono<ImportSourceDocument> work = access.require(actor, source.organizationId(), Permission.EDIT_ORGANIZATION)
                .onErrorMap(e -> new SyncFailure(
                        "the admin who added this calendar is no longer an admin of the organization; add it again"))
                .then(organizations.findById(source.organizationId()))
                .flatMap(org -> (uploaded != null ? Mono.just(new Fetched(uploaded, null, null)) : fetch(source))
                        .flatMap(fetched -> fetched.body() == null
                                ? Mono.just(notModified(source, started))
                                : Mono.fromCallable(() -> IcsImport.read(
                                                fetched.body(), org.slug(), checked(source.defaults()), started))
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .onErrorMap(
                                                IcsImport.Unreadable.class,
                                                e -> new SyncFailure("the calendar " + e.getMessage()))
                                        .flatMap(read -> {
                                            if (uploaded == null
                                                    && read.events().isEmpty()
                                                    && read.refused().isEmpty()) {
                                                // An empty answer is more often a broken server than a partner who
                                                // cancelled everything: nothing is cancelled on its word.
                                                return Mono.error(
                                                        new SyncFailure(
                                                                "the calendar came back without any event; nothing was changed"));
                                            }
                                            return applier.apply(source, actor, read, uploaded == null)
                                                    .map(tally -> succeeded(source, fetched, read, tally, started));
                                        })));
        return work.onErrorResume(e -> Mono.just(failed(source, e, started))).flatMap(store::save);
    }

    private record Fetched(byte[] body, String etag, String lastModified) {}

    private Mono<Fetched> fetch(ImportSourceDocument source) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/calendar, */*;q=0.5");
        if (source.etag() != null) {
            headers.set(HttpHeaders.IF_NONE_MATCH, source.etag());
        }
        if (source.lastModified() != null) {
            headers.set(HttpHeaders.IF_MODIFIED_SINCE, source.lastModified());
        }
        return http.get(URI.create(source.url()), headers)
                .onErrorMap(OutboundRefusal.class, e -> new SyncFailure("the calendar's address " + e.getMessage()))
                .flatMap(answer -> {
                    if (answer.status() == 304) {
                        return Mono.just(new Fetched(null, source.etag(), source.lastModified()));
                    }
                    if (!answer.isSuccess()) {
                        return Mono.error(new SyncFailure("the calendar's server answered HTTP " + answer.status()));
                    }
                    return Mono.just(new Fetched(
                            answer.body(),
                            clip(answer.headers().getETag()),
                            clip(answer.headers().getFirst(HttpHeaders.LAST_MODIFIED))));
                });
    }

    private static String clip(String header) {
        return header == null || header.length() > 200 ? null : header;
    }

    /** A sync that ended with a reason to show the organization's admins. */
    static final class SyncFailure extends RuntimeException {
        SyncFailure(String message) {
            super(message, null, false, false);
        }
    }

    private ImportSourceDocument notModified(ImportSourceDocument s, Instant started) {
        ImportSourceDocument.Status last = s.status();
        ImportSourceDocument.Status status = new ImportSourceDocument.Status(
                started,
                started,
                null,
                true,
                0,
                0,
                last == null ? 0 : last.created() + last.updated() + last.unchanged(),
                0,
                0,
                last == null ? List.of() : last.refused());
        return with(s, status, s.etag(), s.lastModified(), 0, started.plus(properties.interval()));
    }

    private ImportSourceDocument succeeded(
            ImportSourceDocument s,
            Fetched fetched,
            IcsImport.Result read,
            ImportApplier.Tally tally,
            Instant started) {
        ImportSourceDocument.Status status = new ImportSourceDocument.Status(
                started,
                started,
                null,
                false,
                tally.count(ImportApplier.Outcome.CREATED),
                tally.count(ImportApplier.Outcome.UPDATED),
                tally.count(ImportApplier.Outcome.UNCHANGED),
                tally.count(ImportApplier.Outcome.CANCELLED),
                read.skipped() + tally.count(ImportApplier.Outcome.SKIPPED),
                tally.refused());
        // The partner's REFRESH-INTERVAL is a minimum: never more often than it asks, nor than Tocsin's own interval.
        Duration wait = read.refreshInterval()
                .filter(d -> d.compareTo(properties.interval()) > 0)
                .map(d -> d.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : d)
                .orElse(properties.interval());
        return with(s, status, fetched.etag(), fetched.lastModified(), 0, started.plus(wait));
    }

    private ImportSourceDocument failed(ImportSourceDocument s, Throwable e, Instant started) {
        OperatorMetrics.importFailed("calendar");
        String reason;
        if (e instanceof SyncFailure f) {
            reason = f.getMessage();
        } else {
            log.warn(
                    "Import source {} failed to sync ({})", s.id(), e.getClass().getName());
            reason = "the sync failed; it is tried again later";
        }
        int failures = s.failures() + 1;
        // Exponential backoff from five minutes, up to a day.
        Duration wait = Duration.ofMinutes(5).multipliedBy(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(properties.maxBackoff()) > 0) {
            wait = properties.maxBackoff();
        }
        ImportSourceDocument.Status last = s.status();
        ImportSourceDocument.Status status = new ImportSourceDocument.Status(
                started,
                last == null ? null : last.lastSuccessAt(),
                reason,
                false,
                0,
                0,
                0,
                0,
                0,
                last == null ? List.of() : last.refused());
        return with(s, status, s.etag(), s.lastModified(), failures, started.plus(wait));
    }

    private static ImportSourceDocument with(
            ImportSourceDocument s,
            ImportSourceDocument.Status status,
            String etag,
            String lastModified,
            int failures,
            Instant next) {
        return new ImportSourceDocument(
                s.id(),
                s.organizationId(),
                s.url(),
                s.name(),
                s.defaults(),
                s.addedBy(),
                s.createdAt(),
                next,
                null,
                etag,
                lastModified,
                failures,
                status);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
