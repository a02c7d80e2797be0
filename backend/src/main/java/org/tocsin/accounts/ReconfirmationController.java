package org.tocsin.accounts;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/me/reconfirm/passkey-options}: the options for {@code navigator.credentials.get} with
 * which a signed-in person answers {@link Reconfirmation} with a passkey (sent as {@code passkey} next to the
 * password, where a code would go). Checks nothing, so it spends no try; the answer does.
 */
@RestController
class ReconfirmationController {

    private final Passkeys passkeys;

    ReconfirmationController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @PostMapping("/api/v1/me/reconfirm/passkey-options")
    Mono<Map<String, Object>> passkeyOptions(@AuthenticationPrincipal CurrentUser user) {
        return passkeys.reconfirmationOptions(user);
    }
}
