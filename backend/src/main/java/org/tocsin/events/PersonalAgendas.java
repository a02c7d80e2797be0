package org.tocsin.events;

import reactor.core.publisher.Mono;

/**
 * A person's own calendar behind a capability URL ({@code /feeds/private/{token}.ics}): which events
 * it holds. Declared here, implemented by the rsvps feature, used by the feeds (which must not depend
 * on rsvps, since rsvps mails invitations rendered by the feeds).
 */
public interface PersonalAgendas {

    /** What every such token starts with: the calendars feature tells its kinds of private calendar apart by it. */
    String TOKEN_PREFIX = "tcr_";

    /**
     * The selection for a token, empty when the token is unknown or revoked.
     *
     * @param key stable per person and content, for the feed's cache validator
     */
    record Agenda(String key, FeedSelection selection) {}

    Mono<Agenda> agenda(String token);
}
