package org.tocsin.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.internal.AccountStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/me/export}: everything Tocsin holds about the caller, as one JSON file: the account
 * (no password hash, no second-factor secret), its passkeys' names and days (never their keys), its API tokens' names, its sessions' devices, and each
 * feature's part ({@link PersonalData}: memberships, RSVPs with their events). Nothing of other people.
 */
@RestController
class ExportController {

    private final AccountStore store;
    private final TwoFactor twoFactor;
    private final Passkeys passkeys;
    private final ObjectProvider<PersonalData> parts;
    private final AccountService accounts;

    ExportController(
            AccountStore store,
            TwoFactor twoFactor,
            Passkeys passkeys,
            ObjectProvider<PersonalData> parts,
            AccountService accounts) {
        this.store = store;
        this.passkeys = passkeys;
        this.twoFactor = twoFactor;
        this.parts = parts;
        this.accounts = accounts;
    }

    record Account(
            String id,
            String email,
            String displayName,
            Instant createdAt,
            Instant passwordChangedAt,
            TwoFactor.Status twoFactor) {}

    record Token(String name, Instant createdAt, Instant lastUsedAt) {}

    record Session(String device, Instant createdAt, Instant lastUsedAt) {}

    @GetMapping("/api/v1/me/export")
    Mono<ResponseEntity<Map<String, Object>>> export(@AuthenticationPrincipal CurrentUser user) {
        Mono<Account> account = store.userById(user.id())
                .zipWith(twoFactor.status(user.id()))
                .map(t -> new Account(
                        t.getT1().id(),
                        t.getT1().email(),
                        t.getT1().displayName(),
                        t.getT1().createdAt(),
                        t.getT1().passwordChangedAt(),
                        t.getT2()));
        Mono<List<Token>> tokens = store.tokensOf(user.id())
                .map(t -> new Token(t.name(), t.createdAt(), t.lastUsedAt()))
                .collectList();
        Mono<List<Session>> sessions = store.sessionsOf(user.id(), accounts.now(), Sessions.MAX_LISTED)
                .map(s -> new Session(s.device(), s.createdAt(), s.lastSeenAt()))
                .collectList();
        Mono<List<Passkeys.Info>> passkeyList = passkeys.list(user.id()).collectList();
        Mono<Map<String, Object>> features = Flux.fromStream(parts::orderedStream)
                .concatMap(part -> part.of(user.id()).map(list -> Map.entry(part.kind(), (Object) list)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        return Mono.zip(account, tokens, sessions, features, passkeyList).map(t -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exportedAt", accounts.now());
            out.put("account", t.getT1());
            out.put("passkeys", t.getT5());
            out.put("apiTokens", t.getT2());
            out.put("sessions", t.getT3());
            out.putAll(t.getT4());
            return ResponseEntity.ok()
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("tocsin-export.json")
                                    .build()
                                    .toString())
                    .body(out);
        });
    }
}
