package org.tocsin.campaigns;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tocsin.accounts.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final CampaignCities cities;

    CampaignController(CampaignService campaigns, CampaignCities cities) {
        this.campaigns = campaigns;
        this.cities = cities;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CampaignView> create(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CampaignRequests.Create body) {
        return campaigns.create(user, body);
    }

    /** Campaigns that have not ended yet, soonest first. */
    @GetMapping
    Flux<CampaignView> current() {
        return campaigns.current(100);
    }

    /** The campaign with its cities and their event counts: the "map" of a day of action. */
    @GetMapping("/{slug}")
    Mono<CampaignView> get(@PathVariable String slug) {
        return campaigns.view(slug).flatMap(view -> cities.citiesOf(view.id()).map(view::withCities));
    }

    @PatchMapping("/{slug}")
    Mono<CampaignView> update(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String slug,
            @Valid @RequestBody CampaignRequests.Update body) {
        return campaigns.update(user, slug, body);
    }
}
