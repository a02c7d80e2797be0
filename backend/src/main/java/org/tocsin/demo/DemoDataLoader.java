package org.tocsin.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tocsin.accounts.AccountService;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.campaigns.CampaignService;
import org.tocsin.events.EventRequest;
import org.tocsin.events.EventService;
import org.tocsin.organizations.InvitationService;
import org.tocsin.organizations.OrganizationService;
import org.tocsin.organizations.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code tocsin.demo=true}: loads a worldwide day of action three weeks from today, through the same
 * services the API uses, so every derived field (UTC times, cities, search terms) is what a real
 * organizer's event would have. It runs after the context is refreshed, when the discovery index
 * already listens for new events. The campaign's slug marks the data as loaded: a restart on the
 * same data directory adds nothing.
 */
@Component
@ConditionalOnProperty(name = "tocsin.demo", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private final AccountService accounts;
    private final OrganizationService organizations;
    private final InvitationService invitations;
    private final CampaignService campaigns;
    private final EventService events;
    private final Clock clock;
    private final int generated;
    private final SecureRandom random = new SecureRandom();

    DemoDataLoader(
            AccountService accounts,
            OrganizationService organizations,
            InvitationService invitations,
            CampaignService campaigns,
            EventService events,
            Clock clock,
            @Value("${tocsin.demo.events:0}") int generated) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.invitations = invitations;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
        this.generated = generated;
    }

    @Override
    public void run(ApplicationArguments args) {
        load().block(Duration.ofHours(1));
    }

    /** True when it loaded the data, false when the campaign was already there. */
    Mono<Boolean> load() {
        return campaigns
                .findBySlug(DemoCampaignDay.SLUG)
                .map(existing -> {
                    log.info("Demo data already loaded (campaign '{}' exists); nothing added", DemoCampaignDay.SLUG);
                    return false;
                })
                .switchIfEmpty(Mono.defer(() -> loadAll().thenReturn(true)));
    }

    private Mono<Void> loadAll() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate day = today.plusWeeks(3);
        return Flux.fromIterable(DemoOrganizations.ALL)
                .concatMap(org -> owner(org).map(user -> Map.entry(org.slug(), user)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(owners -> joinCoalition(owners)
                        .then(campaigns
                                .createCampaign(
                                        owners.get(DemoOrganizations.COALITION.slug()),
                                        DemoCampaignDay.NAME,
                                        DemoCampaignDay.SLUG,
                                        DemoCampaignDay.DESCRIPTION,
                                        day,
                                        day,
                                        DemoOrganizations.COALITION.slug())
                                .then(create(
                                        owners,
                                        Flux.concat(
                                                Flux.fromIterable(DemoCampaignDay.actions(day)),
                                                Flux.fromIterable(DemoExtras.around(today, day))),
                                        "demo"))
                                .doOnNext(n -> log.info(
                                        "Demo data: {} organizations, campaign '{}' on {}, {} events in {} cities",
                                        owners.size(),
                                        DemoCampaignDay.SLUG,
                                        day,
                                        n,
                                        DemoCities.ALL.size()))
                                .then(
                                        generated <= 0
                                                ? Mono.empty()
                                                : create(
                                                                owners,
                                                                Flux.range(0, generated)
                                                                        .map(i -> SyntheticEvents.nth(i, today)),
                                                                "generated")
                                                        .doOnNext(n -> log.info("Demo data: {} generated events", n))
                                                        .then())));
    }

    /**
     * Only the coalition's own ORGANIZERs put events into its campaign: each local group's organizer
     * joins the coalition as one, by an invitation its owner makes and they accept.
     */
    private Mono<Void> joinCoalition(Map<String, CurrentUser> owners) {
        CurrentUser coalition = owners.get(DemoOrganizations.COALITION.slug());
        return Flux.fromIterable(DemoOrganizations.ALL)
                .filter(org -> org != DemoOrganizations.COALITION)
                .concatMap(org -> invitations.inviteAndAccept(
                        coalition, owners.get(org.slug()), DemoOrganizations.COALITION.slug(), Role.ORGANIZER))
                .then();
    }

    /** A data owner: an account nobody signs in to (its password is random and never shown) owning one group. */
    private Mono<CurrentUser> owner(DemoOrganizations.Org org) {
        return Mono.fromCallable(this::unguessablePassword)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(password -> accounts.registerOperatorHeld(
                        org.ownerEmail(), password, "Organizer, " + org.name().split(" · ")[0]))
                .flatMap(user -> organizations
                        .createOrganization(user, org.name(), org.slug(), org.description())
                        .thenReturn(user));
    }

    /** SecureRandom may read the OS entropy source: never on an event-loop thread. */
    private String unguessablePassword() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private Mono<Integer> create(Map<String, CurrentUser> owners, Flux<EventRequest> requests, String what) {
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        // One at a time: the embedded server serializes the writes anyway, and a burst of concurrent
        // creates would only wait on the index and on event changes' bounded buffer.
        return requests.concatMap(r -> events.create(owners.get(r.organization()), r))
                .doOnNext(e -> {
                    int n = done.incrementAndGet();
                    if (n % 10_000 == 0) {
                        log.info(
                                "Created {} {} events ({} per second)",
                                n,
                                what,
                                n * 1_000_000_000L / Math.max(1, System.nanoTime() - started));
                    }
                })
                .then(Mono.fromSupplier(() -> {
                    log.debug("{} {} events in {} ms", done.get(), what, (System.nanoTime() - started) / 1_000_000);
                    return done.get();
                }));
    }
}
