package org.tocsin.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Refusal;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Permission;
import org.tocsin.outbound.OutboundHttp;
import org.tocsin.outbound.OutboundRefusal;
import org.tocsin.storage.Ids;
import org.tocsin.webhooks.internal.WebhookDelivery;
import org.tocsin.webhooks.internal.WebhookEndpoint;
import org.tocsin.webhooks.internal.WebhookStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An organization's webhook endpoints and their delivery log, for its ADMINs and OWNERs. */
@Service
class WebhookService {

    static final int MAX_ENDPOINTS = 10;
    static final int LOG_SIZE = 100;

    private final WebhookStore store;
    private final OrganizationService organizations;
    private final WebhookSender sender;
    private final Clock clock;

    WebhookService(WebhookStore store, OrganizationService organizations, WebhookSender sender, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.sender = sender;
        this.clock = clock;
    }

    record Registration(String url, String description, List<String> types) {}

    private Mono<WebhookEndpoint> endpointOf(CurrentUser user, String slug, String id) {
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMap(org -> store.endpoint(id)
                        .filter(e -> e.organizationId().equals(org.id()))
                        .switchIfEmpty(Mono.error(Refusal.notFound("Webhook"))));
    }

    Mono<WebhookViews.Endpoint> register(CurrentUser user, String slug, Registration request) {
        URI url;
        try {
            url = OutboundHttp.checkedUrl(request.url());
        } catch (OutboundRefusal e) {
            return Mono.error(Refusal.invalid("url", e.getMessage()));
        }
        List<String> types = request.types() == null || request.types().isEmpty()
                ? WebhookTypes.DEFAULT
                : request.types().stream().distinct().toList();
        for (String type : types) {
            if (!WebhookTypes.ALL.contains(type)) {
                return Mono.error(Refusal.invalid("types", "must be among " + String.join(", ", WebhookTypes.ALL)));
            }
        }
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMap(org -> store.countEndpoints(org.id())
                        .flatMap(n -> n >= MAX_ENDPOINTS
                                ? Mono.error(Refusal.invalid(
                                        "url", "an organization has at most " + MAX_ENDPOINTS + " webhooks"))
                                : Mono.just(org)))
                .flatMap(org -> store.insert(new WebhookEndpoint(
                        Ids.newId(),
                        org.id(),
                        url.toString(),
                        request.description() == null || request.description().isBlank()
                                ? null
                                : request.description().strip(),
                        WebhookSignature.newSecret(),
                        types,
                        user.id(),
                        clock.instant(),
                        null,
                        null)))
                .map(e -> WebhookViews.Endpoint.of(e, true));
    }

    Flux<WebhookViews.Endpoint> list(CurrentUser user, String slug) {
        return organizations
                .requireBySlug(user, slug, Permission.EDIT_ORGANIZATION)
                .flatMapMany(org -> store.endpoints(org.id(), MAX_ENDPOINTS))
                .map(e -> WebhookViews.Endpoint.of(e, false));
    }

    Mono<Void> remove(CurrentUser user, String slug, String id) {
        return endpointOf(user, slug, id).flatMap(e -> store.deleteEndpoint(e.id()));
    }

    /** Switched on again after it was disabled for failing; new changes are delivered from now on. */
    Mono<WebhookViews.Endpoint> enable(CurrentUser user, String slug, String id) {
        return endpointOf(user, slug, id)
                .flatMap(e -> store.save(new WebhookEndpoint(
                        e.id(),
                        e.organizationId(),
                        e.url(),
                        e.description(),
                        e.secret(),
                        e.types(),
                        e.createdBy(),
                        e.createdAt(),
                        null,
                        null)))
                .map(e -> WebhookViews.Endpoint.of(e, false));
    }

    Flux<WebhookViews.Delivery> deliveries(CurrentUser user, String slug, String id) {
        return endpointOf(user, slug, id)
                .flatMapMany(e -> store.deliveries(e.id(), LOG_SIZE))
                .map(WebhookViews.Delivery::of);
    }

    /** The same message (same {@code webhook-id}, so a receiver can tell) queued again, now. */
    Mono<WebhookViews.Delivery> replay(CurrentUser user, String slug, String id, String deliveryId) {
        return endpointOf(user, slug, id)
                .flatMap(e ->
                        store.delivery(deliveryId).filter(d -> d.endpointId().equals(e.id())))
                .switchIfEmpty(Mono.error(Refusal.notFound("Delivery")))
                .flatMap(d -> {
                    Instant now = clock.instant();
                    return store.insert(WebhookDelivery.pending(
                            d.endpointId(),
                            d.organizationId(),
                            d.messageId(),
                            d.type(),
                            // A replay is outside the event's order: it must not wait for, nor hold up, newer messages.
                            d.orderKey() + ":replay:" + Ids.newId(),
                            sender.nextSeq(),
                            d.payload(),
                            now));
                })
                .doOnSuccess(d -> sender.trigger())
                .map(WebhookViews.Delivery::of);
    }
}
