package org.tocsin.rsvps;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.events.EventLookup;
import org.tocsin.events.VisibleEvents;
import org.tocsin.kernel.Refusal;
import org.tocsin.pages.Pages;
import org.tocsin.pages.Pages.RsvpForm;
import org.tocsin.ratelimits.ClientAddress;
import org.tocsin.ratelimits.RateLimiter;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.text.Digits;
import org.tocsin.text.Language;
import org.tocsin.text.UserText;
import reactor.core.publisher.Mono;

/**
 * RSVPing without JavaScript: the event page's form posts here, and {@code /rsvp/{token}} shows and
 * manages the RSVP through forms. The same service, rate limit, text rules and validation as the JSON
 * API; a refused form comes back with what was typed and a message per field, in the page's language.
 * The CSRF token travels in the form ({@code _csrf}), checked by the security chain.
 */
// HTML pages, not the JSON API: out of the OpenAPI document (their tests: EventPagesTest, NonInterferenceTest).
@Hidden
@RestController
class RsvpPageController {

    private static final int MAX_FIELD = 1000;

    private final RsvpService rsvps;
    private final EventLookup events;
    private final VisibleEvents visible;
    private final RateLimiter rateLimiter;
    private final Validator validator;
    private final Pages pages;

    RsvpPageController(
            RsvpService rsvps,
            EventLookup events,
            VisibleEvents visible,
            RateLimiter rateLimiter,
            Validator validator,
            Pages pages) {
        this.rsvps = rsvps;
        this.events = events;
        this.visible = visible;
        this.rateLimiter = rateLimiter;
        this.validator = validator;
        this.pages = pages;
    }

    @PostMapping("/events/{id:[^.]+}/rsvp")
    Mono<ResponseEntity<String>> answer(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(formData -> {
            Fields fields = new Fields(formData);
            RsvpForm sent = fields.form("/events/" + id + "/rsvp", null, Map.of(), null);
            Map<String, String> errors = new LinkedHashMap<>();
            String name = fields.oneLine("name", errors);
            RsvpResponse response = fields.response(errors);
            Integer guests = fields.guests(errors);
            RsvpRequest request = new RsvpRequest(
                    name,
                    blankToNull(fields.get("email")),
                    response,
                    guests,
                    blankToNull(fields.get("occurrence")),
                    Language.of(exchange.getRequest()).tag());
            if (errors.isEmpty()) {
                check(validator.validate(request), errors);
            }
            Language language = Language.of(exchange.getRequest());
            if (!errors.isEmpty()) {
                return eventPage(user, id, exchange, refused(sent, errors, language), HttpStatus.BAD_REQUEST);
            }
            return rateLimiter
                    .consume("rsvp-per-address", ClientAddress.of(exchange))
                    .then(rsvps.answer(user, id, request))
                    .flatMap(a -> a.rsvp().state() == RsvpState.UNCONFIRMED
                            // The token goes only to the mailbox: holding it is the confirmation.
                            ? eventPage(
                                    user,
                                    id,
                                    exchange,
                                    RsvpForm.blank(id, sent.occurrence())
                                            .withNotice(pages.texts().get(language, "rsvp_mail_sent")),
                                    HttpStatus.OK)
                            : Mono.just(seeOther("/rsvp/" + a.manageToken() + "?lang=" + language.tag())))
                    .onErrorResume(
                            Refusal.class,
                            e -> e.reason() == Refusal.Reason.NOT_FOUND
                                    ? pages.notFound(exchange)
                                    : eventPage(user, id, exchange, problem(sent, e, language), status(e)));
        });
    }

    @GetMapping("/rsvp/{token}")
    Mono<ResponseEntity<String>> manage(@PathVariable String token, ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        String done = exchange.getRequest().getQueryParams().getFirst("done");
        String notice = "saved".equals(done) ? pages.texts().get(language, "saved") : null;
        return rsvps.byToken(token)
                .flatMap(r -> managed(token, r, current(token, r).withNotice(notice), HttpStatus.OK, exchange))
                .onErrorResume(Refusal.class, e -> pages.notFound(exchange));
    }

    @PostMapping("/rsvp/{token}")
    Mono<ResponseEntity<String>> change(@PathVariable String token, ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        return rsvps.byToken(token)
                .flatMap(current -> exchange.getFormData().flatMap(formData -> {
                    Fields fields = new Fields(formData);
                    RsvpForm sent = fields.form("/rsvp/" + token, pages.texts().get(language, "save"), Map.of(), null);
                    Map<String, String> errors = new LinkedHashMap<>();
                    String name = fields.oneLine("name", errors);
                    RsvpResponse response = fields.response(errors);
                    Integer guests = fields.guests(errors);
                    // An empty email field removes the address, as in the API.
                    RsvpChange change = new RsvpChange(name, fields.get("email"), response, guests);
                    if (errors.isEmpty()) {
                        check(validator.validate(change), errors);
                    }
                    if (!errors.isEmpty()) {
                        return managed(
                                token, current, refused(sent, errors, language), HttpStatus.BAD_REQUEST, exchange);
                    }
                    return rsvps.change(token, change)
                            .map(saved -> seeOther("/rsvp/" + token + "?lang=" + language.tag() + "&done=saved"))
                            .onErrorResume(
                                    Refusal.class,
                                    e -> e.reason() == Refusal.Reason.NOT_FOUND
                                            ? pages.notFound(exchange)
                                            : managed(token, current, problem(sent, e, language), status(e), exchange));
                }))
                .onErrorResume(Refusal.class, e -> pages.notFound(exchange));
    }

    @PostMapping("/rsvp/{token}/confirm")
    Mono<ResponseEntity<String>> confirm(@PathVariable String token, ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        return rsvps.confirm(token)
                .map(r -> seeOther("/rsvp/" + token + "?lang=" + language.tag() + "&done=saved"))
                .onErrorResume(Refusal.class, e -> pages.notFound(exchange));
    }

    @PostMapping("/rsvp/{token}/withdraw")
    Mono<ResponseEntity<String>> withdraw(@PathVariable String token, ServerWebExchange exchange) {
        return rsvps.byToken(token)
                .flatMap(r -> rsvps.withdraw(token).then(pages.withdrawn(exchange, r.eventId())))
                .onErrorResume(Refusal.class, e -> pages.notFound(exchange));
    }

    private Mono<ResponseEntity<String>> eventPage(
            CurrentUser user, String id, ServerWebExchange exchange, RsvpForm form, HttpStatus status) {
        // The date the form was for, so a refused or pending RSVP to one date shows that date again.
        return visible.view(user, id, form.occurrence())
                .flatMap(view -> pages.event(exchange, view, form, status))
                .onErrorResume(Refusal.class, e -> pages.notFound(exchange));
    }

    private Mono<ResponseEntity<String>> managed(
            String token, RsvpDocument r, RsvpForm form, HttpStatus status, ServerWebExchange exchange) {
        return Mono.zip(
                        rsvps.waitlistPosition(r).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        events.viewFor(r.eventId(), r.occurrenceKey(), r.state() == RsvpState.GOING))
                .flatMap(t -> pages.rsvp(
                        exchange,
                        new Pages.ManagedRsvp(token, r.state().name(), t.getT1().orElse(null), t.getT2(), form),
                        status));
    }

    /** The change form, filled with the RSVP as it stands. */
    private RsvpForm current(String token, RsvpDocument r) {
        return new RsvpForm(
                "/rsvp/" + token,
                null,
                r.name(),
                r.email() == null ? "" : r.email(),
                r.response().name(),
                Integer.toString(r.guests()),
                null,
                Map.of(),
                null,
                null);
    }

    private RsvpForm refused(RsvpForm sent, Map<String, String> errorKeys, Language language) {
        Map<String, String> errors = new LinkedHashMap<>();
        errorKeys.forEach((field, key) -> errors.put(field, pages.texts().get(language, key)));
        return sent.withProblem(errors, pages.texts().get(language, "form_problem"));
    }

    /** A refusal from the service: per field where it names fields, else one message for its kind. */
    private RsvpForm problem(RsvpForm sent, Refusal e, Language language) {
        if (!e.fields().isEmpty()) {
            Map<String, String> keys = new LinkedHashMap<>();
            e.fields().forEach(f -> keys.put(f.field(), "err_" + f.field()));
            return refused(sent, keys, language);
        }
        // The reason in the problem type's words (RSVPS_CLOSED: rsvps-closed), which name the page's messages.
        String kind = e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String message = pages.texts().get(language, "err_" + kind);
        return sent.withProblem(
                Map.of(), message.startsWith("err_") ? pages.texts().get(language, "err_general") : message);
    }

    /** The page answers a refused form with the status the API gives the same refusal. */
    private static HttpStatus status(Refusal e) {
        return switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TRY_AGAIN -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.CONFLICT;
        };
    }

    private static void check(Set<? extends ConstraintViolation<?>> violations, Map<String, String> errors) {
        for (ConstraintViolation<?> v : violations) {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field, "err_" + field);
        }
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(location))
                .build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The form's fields, each cut to a bounded length before anything else looks at it. */
    private record Fields(MultiValueMap<String, String> data) {

        String get(String field) {
            String value = data.getFirst(field);
            if (value == null) {
                return null;
            }
            return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
        }

        RsvpForm form(String action, String submit, Map<String, String> errors, String general) {
            return new RsvpForm(
                    action,
                    submit,
                    orEmpty(get("name")),
                    orEmpty(get("email")),
                    orEmpty(get("response")),
                    orEmpty(get("guests")),
                    get("occurrence"),
                    errors,
                    general,
                    null);
        }

        /** One line of user text under the app-wide text rule (as the JSON API's UserText module). */
        String oneLine(String field, Map<String, String> errors) {
            String value = get(field);
            if (value == null) {
                return null;
            }
            try {
                return UserText.oneLine(value);
            } catch (UserText.Refused e) {
                errors.put(field, "err_" + field);
                return null;
            }
        }

        RsvpResponse response(Map<String, String> errors) {
            String value = get("response");
            try {
                return value == null ? null : RsvpResponse.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("response", "err_response");
                return null;
            }
        }

        /** Guests as typed: ASCII, Persian or Arabic-Indic digits; empty is none. */
        Integer guests(Map<String, String> errors) {
            String value = Digits.ascii(get("guests"));
            if (value == null || value.isBlank()) {
                return 0;
            }
            if (!value.strip().matches("[0-9]{1,3}")) {
                errors.put("guests", "err_guests");
                return null;
            }
            return Integer.parseInt(value.strip());
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
