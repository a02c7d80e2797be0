package org.tocsin.webhooks;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tocsin.events.OrganizationEvents;
import org.tocsin.organizations.OrganizationErasure;
import org.tocsin.webhooks.internal.WebhookMemory;
import org.tocsin.webhooks.internal.WebhookStore;
import reactor.core.publisher.Mono;

/**
 * A deleted organization's webhook endpoints, their queued and logged deliveries (nothing more is sent),
 * and what the sender remembered of its events (found through them, so before they go).
 */
@Component
@Order(OrganizationErasure.Order.BY_EVENT)
class WebhooksOfDeletedOrganization implements OrganizationErasure {

    private final WebhookStore store;
    private final WebhookMemory memory;
    private final OrganizationEvents events;

    WebhooksOfDeletedOrganization(WebhookStore store, WebhookMemory memory, OrganizationEvents events) {
        this.store = store;
        this.memory = memory;
        this.events = events;
    }

    @Override
    public String kind() {
        return "webhooks";
    }

    @Override
    public Mono<Long> count(String organizationId) {
        return store.countEndpoints(organizationId);
    }

    @Override
    public Mono<Long> erase(String organizationId) {
        return store.deleteOfOrganization(organizationId)
                .flatMap(n -> events.ids(organizationId)
                        .concatMap(memory::forgetEvent)
                        .then(Mono.just(n)));
    }
}
