package org.tocsin.bulk;

import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST .../events/import}: newline-delimited JSON, one create body of {@code POST /api/v1/events}
 * per line, for the organization's organizers. Answers 202 and the job's {@code Location}.
 */
@RestController
@RequestMapping("/api/v1/organizations/{organization}/events")
class BulkImportController {

    private final BulkImports imports;

    BulkImportController(BulkImports imports) {
        this.imports = imports;
    }

    @PostMapping("/import")
    Mono<ResponseEntity<ImportJobView>> start(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String organization,
            @RequestBody Flux<DataBuffer> body) {
        return imports.start(user, organization, body)
                .map(job -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/organizations/" + organization + "/events/imports/" + job.id()))
                        .body(ImportJobView.of(job)));
    }

    @GetMapping("/imports/{id}")
    Mono<ImportJobView> get(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return imports.get(user, organization, id).map(ImportJobView::of);
    }
}
