package org.tocsin.imports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.text.MultiLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An organization's calendar imports, for its ADMINs and OWNERs. */
@RestController
@RequestMapping("/api/v1/organizations/{organization}/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /** A one-off .ics file and the defaults its events get. */
    record Upload(
            @Valid @NotNull ImportSourceRequest defaults,
            @NotNull @Size(max = 200_000) @MultiLine String ics) {}

    @GetMapping
    Flux<ImportSourceView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String organization) {
        return imports.list(user, organization);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ImportSourceView> add(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String organization,
            @Valid @RequestBody ImportSourceRequest body) {
        return imports.add(user, organization, body);
    }

    @PostMapping("/upload")
    Mono<ImportSourceView> upload(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String organization,
            @Valid @RequestBody Upload body) {
        return imports.upload(user, organization, body.defaults(), ImportService.utf8(body.ics()));
    }

    @GetMapping("/{id}")
    Mono<ImportSourceView> get(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return imports.get(user, organization, id);
    }

    @PostMapping("/{id}/sync")
    Mono<ImportSourceView> sync(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return imports.syncNow(user, organization, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return imports.remove(user, organization, id);
    }
}
