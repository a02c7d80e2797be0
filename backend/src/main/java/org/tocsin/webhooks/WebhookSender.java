package org.tocsin.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.AccountService;
import org.tocsin.events.EventNotices;
import org.tocsin.events.Visibility;
import org.tocsin.kernel.OperatorMetrics;
import org.tocsin.kernel.QueueDrain;
import org.tocsin.mail.MailMessage;
import org.tocsin.mail.Mailer;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.outbound.OutboundAnswer;
import org.tocsin.outbound.OutboundHttp;
import org.tocsin.outbound.OutboundRefusal;
import org.tocsin.storage.Ids;
import org.tocsin.webhooks.internal.WebhookDelivery;
import org.tocsin.webhooks.internal.WebhookEndpoint;
import org.tocsin.webhooks.internal.WebhookMemory;
import org.tocsin.webhooks.internal.WebhookStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a message for each endpoint that wants an event's change, and delivers the queue.
 *
 * <p>Its own queue rather than the mail outbox's: a delivery is kept after it is settled (the admins' log,
 * replays), waits for the earlier messages of the same event, and settles on an HTTP status; the outbox deletes
 * what it sent and knows none of that. The claiming is the same: an atomic update with a lease, so any replica
 * may deliver and one that dies mid-delivery leaves the message to another (at least once).
 *
 * <p>Listening is a thin adapter over {@link EventNotices}: a change is queued once it is stored, by the replica
 * that stored it; payloads name the event and its state, never attendees. The other message types are queued
 * through {@link #enqueue} by their own producers (RsvpCountDigest, SubmissionWebhooks).
 */
@Component
class WebhookSender implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 200;
    /** Notices waiting to be queued, beyond which a burst is dropped (and logged) rather than exhausting memory. */
    private static final int BACKLOG = 10_000;
    /** At most this many notices, arrived within {@link #TOGETHER_WITHIN} of the first, are queued together. */
    private static final int NOTICES_TOGETHER = 500;

    private static final Duration TOGETHER_WITHIN = Duration.ofMillis(5);

    private final WebhookStore store;
    private final WebhookMemory memory;
    private final EventNotices notices;
    private final OrganizationService organizations;
    private final AccountService accounts;
    private final Mailer mailer;
    private final OutboundHttp http;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final Clock clock;
    /** The delivery loop: one run at a time per replica, and one more if asked meanwhile. */
    private final QueueDrain sender;

    private final AtomicLong seq = new AtomicLong();

    WebhookSender(
            WebhookStore store,
            WebhookMemory memory,
            EventNotices notices,
            OrganizationService organizations,
            AccountService accounts,
            Mailer mailer,
            OutboundHttp http,
            JsonMapper json,
            WebhookProperties properties,
            Clock clock) {
        this.store = store;
        this.memory = memory;
        this.notices = notices;
        this.organizations = organizations;
        this.accounts = accounts;
        this.mailer = mailer;
        this.http = http;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.sender = new QueueDrain(
                this::deliverNext,
                BATCH,
                e -> log.warn(
                        "Webhook sender stopped early ({}); the next poll carries on",
                        e.getClass().getName()));
    }

    @Override
    public void afterSingletonsInstantiated() {
        notices.notices()
                .onBackpressureBuffer(
                        BACKLOG, n -> log.warn("Webhook backlog full; change of event {} not queued", n.eventId()))
                // Notices that come together (a bulk import announces hundreds at once) share one look-up of
                // each organization's endpoints instead of one per notice.
                .bufferTimeout(NOTICES_TOGETHER, TOGETHER_WITHIN, true)
                .concatMap(this::queueAll)
                .subscribe(
                        null,
                        e -> log.error(
                                "Webhook listener stopped ({})", e.getClass().getName()));
    }

    /** Strictly increasing on this replica, close to the clock's milliseconds: the order of messages. */
    long nextSeq() {
        long now = clock.millis() * 1000;
        return seq.updateAndGet(prev -> Math.max(prev + 1, now));
    }

    /** Each notice queued in order, each organization's endpoints read once for them all. */
    private Mono<Void> queueAll(List<EventNotices.Notice> together) {
        Map<String, Mono<List<WebhookEndpoint>>> endpoints = new HashMap<>();
        return Flux.fromIterable(together)
                .concatMap(n -> queue(
                                n,
                                endpoints.computeIfAbsent(
                                        n.organizationId(),
                                        id -> endpointsOf(id).cache()))
                        .onErrorResume(e -> {
                            log.warn(
                                    "Webhooks for event {} not queued ({})",
                                    n.eventId(),
                                    e.getClass().getName());
                            return Mono.empty();
                        }))
                .then();
    }

    private Mono<Void> queue(EventNotices.Notice notice, Mono<List<WebhookEndpoint>> endpoints) {
        String type = WebhookTypes.of(notice.kind());
        return published(notice)
                .flatMap(published -> Flux.fromIterable(
                                published ? List.of(type, WebhookTypes.EVENT_PUBLISHED) : List.of(type))
                        .concatMap(t -> enqueue(
                                endpoints,
                                notice.organizationId(),
                                t,
                                notice.eventId(),
                                (organization, now) -> payload(t, now, notice, organization)))
                        .then());
    }

    /**
     * Whether this change made the event listed (PUBLIC): created so, or changed to it from UNLISTED or PRIVATE.
     * An event whose earlier state was never seen counts as published only when it is new.
     */
    private Mono<Boolean> published(EventNotices.Notice n) {
        if (n.kind() == EventNotices.Kind.DELETED) {
            return memory.forgetEvent(n.eventId()).thenReturn(false);
        }
        boolean listed = n.visibility() == Visibility.PUBLIC;
        if (listed && n.kind() == EventNotices.Kind.CREATED) {
            // Published now; and an event never remembered counts as not newly listed by its later changes,
            // which is what remembering "listed" would answer: one write per new event saved.
            return Mono.just(true);
        }
        return memory.wasListed(n.eventId(), listed)
                .map(was -> listed && !was)
                .defaultIfEmpty(listed && n.kind() == EventNotices.Kind.CREATED);
    }

    /** Whether an enabled endpoint of the organization subscribed to {@code type}. */
    Mono<Boolean> anyWants(String organizationId, String type) {
        return store.endpoints(organizationId, WebhookService.MAX_ENDPOINTS)
                .any(e -> e.disabledAt() == null && e.types().contains(type));
    }

    /**
     * Queues one message of {@code type} for each enabled endpoint of the organization that subscribed to it,
     * ordered behind the earlier messages about the same {@code subject} (an event) to the same endpoint.
     *
     * @param payload the body, from the organization's slug and the message's time
     */
    Mono<Void> enqueue(
            String organizationId, String type, String subject, BiFunction<String, Instant, String> payload) {
        return enqueue(endpointsOf(organizationId), organizationId, type, subject, payload);
    }

    private Mono<List<WebhookEndpoint>> endpointsOf(String organizationId) {
        return store.endpoints(organizationId, WebhookService.MAX_ENDPOINTS).collectList();
    }

    private Mono<Void> enqueue(
            Mono<List<WebhookEndpoint>> all,
            String organizationId,
            String type,
            String subject,
            BiFunction<String, Instant, String> payload) {
        return all.map(endpoints -> endpoints.stream()
                        .filter(e -> e.disabledAt() == null && e.types().contains(type))
                        .toList())
                .filter(endpoints -> !endpoints.isEmpty())
                .flatMap(endpoints -> organizations.findById(organizationId).flatMap(org -> {
                    Instant now = clock.instant();
                    String messageId = "msg_" + Ids.newId();
                    String body = payload.apply(org.slug(), now);
                    long order = nextSeq();
                    return Flux.fromIterable(endpoints)
                            .concatMap(e -> store.insert(WebhookDelivery.pending(
                                    e.id(),
                                    e.organizationId(),
                                    messageId,
                                    type,
                                    e.id() + ":" + subject,
                                    order,
                                    body,
                                    now)))
                            .then();
                }))
                .doOnSuccess(done -> trigger());
    }

    /**
     * The Standard Webhooks envelope: {@code type}, {@code timestamp}, {@code data}. The data says which event
     * changed and how; a receiver that wants more reads the event through the API with its own token. No
     * attendee data: RSVP counts have a message type of their own (rsvp.counts_changed), names none.
     */
    private String payload(String type, Instant at, EventNotices.Notice n, String organization) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", n.eventId());
        data.put("organization", organization);
        data.put("status", n.status().name());
        data.put("visibility", n.visibility().name());
        data.put("sequence", n.sequence());
        data.put("changedAt", n.at() == null ? null : n.at().toString());
        data.put("href", "/api/v1/events/" + n.eventId());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("timestamp", at.toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    @Scheduled(
            fixedDelayString = "${tocsin.webhooks.poll-interval:PT10S}",
            initialDelayString = "${tocsin.webhooks.poll-interval:PT10S}")
    void poll() {
        trigger();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void cleanUp() {
        store.forgetSettledBefore(clock.instant().minus(properties.keepLog()))
                .subscribe(
                        null,
                        e -> log.warn(
                                "Webhook log clean-up failed ({})", e.getClass().getName()));
    }

    void trigger() {
        sender.trigger();
    }

    private Mono<Boolean> deliverNext() {
        Instant now = clock.instant();
        String claim = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return store.claimNext(now, now.plus(WebhookProperties.LEASE), claim)
                .flatMap(d -> attempt(d).thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<Void> attempt(WebhookDelivery d) {
        return store.endpoint(d.endpointId())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    Instant now = clock.instant();
                    if (found.isEmpty() || found.get().disabledAt() != null) {
                        return store.settle(
                                d.id(),
                                d.claim(),
                                WebhookDelivery.State.FAILED,
                                now,
                                0,
                                "the endpoint is disabled or removed",
                                null,
                                now,
                                false);
                    }
                    WebhookEndpoint endpoint = found.get();
                    return store.hasEarlierPending(d)
                            .flatMap(waiting -> waiting
                                    // In order per event: an earlier message of the same event is still being tried.
                                    ? store.settle(
                                            d.id(),
                                            d.claim(),
                                            WebhookDelivery.State.PENDING,
                                            now.plus(properties.pollInterval()),
                                            d.lastStatus(),
                                            d.lastError(),
                                            null,
                                            null,
                                            false)
                                    : send(endpoint, d));
                });
    }

    private Mono<Void> send(WebhookEndpoint endpoint, WebhookDelivery d) {
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("webhook-id", d.messageId());
        headers.set("webhook-timestamp", Long.toString(timestamp));
        headers.set("webhook-signature", WebhookSignature.sign(endpoint.secret(), d.messageId(), timestamp, body));
        return http.post(URI.create(endpoint.url()), headers, body)
                .map(answer -> new Result(answer, null))
                .onErrorResume(OutboundRefusal.class, e -> Mono.just(new Result(null, e.getMessage())))
                .flatMap(result -> settle(endpoint, d, result));
    }

    private record Result(OutboundAnswer answer, String error) {
        boolean ok() {
            return answer != null && answer.isSuccess();
        }
    }

    private Mono<Void> settle(WebhookEndpoint endpoint, WebhookDelivery d, Result result) {
        Instant now = clock.instant();
        int status = result.answer() == null ? 0 : result.answer().status();
        Long latency =
                result.answer() == null ? null : result.answer().latency().toMillis();
        if (result.ok()) {
            Mono<Void> recovered = endpoint.failingSince() == null
                    ? Mono.empty()
                    : store.save(withFailure(endpoint, null, null)).then();
            return store.settle(
                            d.id(), d.claim(), WebhookDelivery.State.DELIVERED, now, status, null, latency, now, true)
                    .then(recovered);
        }
        String error =
                result.error() != null ? "the endpoint " + result.error() : "the endpoint answered HTTP " + status;
        Instant failingSince = endpoint.failingSince() == null ? now : endpoint.failingSince();
        Mono<Void> marked = endpoint.failingSince() == null
                ? store.save(withFailure(endpoint, now, null)).then()
                : Mono.empty();
        boolean retried = now.isBefore(d.createdAt().plus(properties.retryFor()));
        OperatorMetrics.webhookFailed(!retried);
        if (retried) {
            Duration wait = properties.backoffAfter(d.attempts());
            return store.settle(
                            d.id(),
                            d.claim(),
                            WebhookDelivery.State.PENDING,
                            now.plus(wait),
                            status,
                            error,
                            latency,
                            null,
                            true)
                    .then(marked);
        }
        Mono<Void> given =
                store.settle(d.id(), d.claim(), WebhookDelivery.State.FAILED, now, status, error, latency, now, true);
        if (!failingSince.plus(properties.disableAfter()).isAfter(now)) {
            return given.then(disable(endpoint, failingSince, now));
        }
        return given.then(marked);
    }

    /** Failing for days: switched off, and the admin who registered it told why. */
    private Mono<Void> disable(WebhookEndpoint endpoint, Instant failingSince, Instant now) {
        log.info("Webhook endpoint {} disabled after failing since {}", endpoint.id(), failingSince);
        return store.save(withFailure(endpoint, failingSince, now))
                .then(accounts.findById(endpoint.createdBy()))
                .flatMap(admin -> mailer.enqueue(new MailMessage(
                        admin.email(),
                        "Tocsin: a webhook was disabled",
                        "Deliveries to your organization's webhook at " + endpoint.url()
                                + " have failed since " + failingSince
                                + ", so it was disabled.\n\nFix the receiver, then enable the webhook again in the "
                                + "organization's settings; the delivery log shows each failure.",
                        List.of())))
                .onErrorResume(e -> {
                    log.warn(
                            "Mail about disabled webhook {} not queued ({})",
                            endpoint.id(),
                            e.getClass().getName());
                    return Mono.empty();
                });
    }

    private static WebhookEndpoint withFailure(WebhookEndpoint e, Instant failingSince, Instant disabledAt) {
        return new WebhookEndpoint(
                e.id(),
                e.organizationId(),
                e.url(),
                e.description(),
                e.secret(),
                e.types(),
                e.createdBy(),
                e.createdAt(),
                failingSince,
                disabledAt);
    }
}
