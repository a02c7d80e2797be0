package org.tocsin.moderation;

import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/** Platform admins ({@code tocsin.admins}) moderate; to anyone else the moderation routes do not exist (404). */
final class Moderators {

    private Moderators() {}

    static Mono<Void> require(CurrentUser user) {
        return user != null && user.admin() ? Mono.empty() : Mono.error(Refusal.notFound("Page"));
    }
}
