package org.tocsin.backups;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Mono;

/**
 * Backups and exports on demand. Both are written under the data directory (0700) and never sent over
 * HTTP: a copy of everyone's data is for the machine's operator, not for whoever holds an admin session.
 */
@RestController
class BackupController {

    private final Backups backups;
    private final Exports exports;

    BackupController(Backups backups, Exports exports) {
        this.backups = backups;
        this.exports = exports;
    }

    @PostMapping("/api/v1/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Backups.Written> backup(@AuthenticationPrincipal CurrentUser user) {
        return adminOnly(user).then(backups.write());
    }

    @PostMapping("/api/v1/admin/exports")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Exports.Written> export(@AuthenticationPrincipal CurrentUser user) {
        return adminOnly(user).then(exports.write());
    }

    /** Like any object a caller may not see, the admin API answers others 404. */
    private static Mono<Void> adminOnly(CurrentUser user) {
        return user.admin() ? Mono.empty() : Mono.error(Refusal.notFound("Page"));
    }
}
