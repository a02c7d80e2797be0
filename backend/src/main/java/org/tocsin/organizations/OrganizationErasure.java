package org.tocsin.organizations;

import reactor.core.publisher.Mono;

/**
 * What another feature holds for an organization, for deleting it ({@link OrganizationDeletion}): each
 * counts its part for the preview, then erases it. Declared here and implemented by the features above
 * organizations (events, RSVPs, campaigns, webhooks, imports…), which depend on organizations, not the
 * reverse. Parts run in their {@link org.springframework.core.annotation.Order}: those that find their
 * data through the organization's events (RSVPs, webhook memory) before the events go, campaigns last.
 */
public interface OrganizationErasure {

    /** The part's name in the preview, e.g. {@code events}. */
    String kind();

    /** How many entries erasing would remove now; nothing is changed. */
    Mono<Long> count(String organizationId);

    /**
     * Erases the part; answers how many entries went. Safe to call again after a failure half-way (what is
     * gone stays gone), so a deletion cut off can be asked again.
     */
    Mono<Long> erase(String organizationId);

    /** The orders parts run in, lowest first. */
    final class Order {
        public static final int BY_EVENT = 10;
        public static final int OWN = 50;
        public static final int EVENTS = 80;
        public static final int CAMPAIGNS = 90;

        private Order() {}
    }
}
