package org.tocsin.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An organization's webhooks, for its ADMINs and OWNERs. */
@RestController
@RequestMapping("/api/v1/organizations/{organization}/webhooks")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    record RegistrationRequest(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 200) String description,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> types) {}

    /** The answer carries the signing secret: the only time it is shown. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WebhookViews.Endpoint> register(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String organization,
            @Valid @RequestBody RegistrationRequest body) {
        return webhooks.register(
                user, organization, new WebhookService.Registration(body.url(), body.description(), body.types()));
    }

    @GetMapping
    Flux<WebhookViews.Endpoint> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String organization) {
        return webhooks.list(user, organization);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return webhooks.remove(user, organization, id);
    }

    @PostMapping("/{id}/enable")
    Mono<WebhookViews.Endpoint> enable(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return webhooks.enable(user, organization, id);
    }

    @GetMapping("/{id}/deliveries")
    Flux<WebhookViews.Delivery> deliveries(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String organization, @PathVariable String id) {
        return webhooks.deliveries(user, organization, id);
    }

    @PostMapping("/{id}/deliveries/{delivery}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<WebhookViews.Delivery> replay(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String organization,
            @PathVariable String id,
            @PathVariable String delivery) {
        return webhooks.replay(user, organization, id, delivery);
    }
}
