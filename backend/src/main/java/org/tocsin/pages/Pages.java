package org.tocsin.pages;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;
import org.tocsin.events.EventStatus;
import org.tocsin.events.EventView;
import org.tocsin.events.RsvpMode;
import org.tocsin.kernel.PublicUrl;
import org.tocsin.text.Digits;
import org.tocsin.text.Language;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the server's pages from Mustache templates ({@code pages/templates}), which escape every
 * value for HTML unless a template says otherwise ({@code {{{…}}}}: only for our own rendered parts,
 * the built app's tags, the already-sanitised description and JSON-LD escaped for a script element).
 * No inline script runs, so the strict CSP holds: JSON-LD is a data block, not a script.
 */
@Service
public class Pages {

    /** What a visitor sent in an RSVP form and what to tell them about it, kept so nothing typed is lost. */
    public record RsvpForm(
            String action,
            String submit,
            String name,
            String email,
            String response,
            String guests,
            String occurrence,
            Map<String, String> errors,
            String general,
            String notice) {

        public static RsvpForm blank(String eventId) {
            return blank(eventId, null);
        }

        /** A blank form for one date of a series ({@code occurrence} its key), or the whole event (null). */
        public static RsvpForm blank(String eventId, String occurrence) {
            return new RsvpForm(
                    "/events/" + eventId + "/rsvp", null, "", "", "GOING", "0", occurrence, Map.of(), null, null);
        }

        /** The same form as sent, refused: messages per field and one over the form; the typed values stay. */
        public RsvpForm withProblem(Map<String, String> errors, String general) {
            return new RsvpForm(action, submit, name, email, response, guests, occurrence, errors, general, null);
        }

        public RsvpForm withNotice(String notice) {
            return new RsvpForm(action, submit, name, email, response, guests, occurrence, errors, general, notice);
        }
    }

    /** The manage page of one RSVP: its state in words and the event as its holder may see it. */
    public record ManagedRsvp(
            String token, String stateKey, Integer waitlistPosition, EventView event, RsvpForm form) {}

    /**
     * JMustache's HTML escaper, less {@code =} and the backtick (only unquoted attributes need those, and
     * every attribute here is quoted): links keep their readable {@code ?lang=fa}.
     */
    private static final Mustache.Escaper HTML = Escapers.simple(
            new String[][] {{"&", "&amp;"}, {"'", "&#39;"}, {"\"", "&quot;"}, {"<", "&lt;"}, {">", "&gt;"}});

    private final Template layout;
    private final Template event;
    private final Template rsvpForm;
    private final Template rsvp;
    private final Template notFound;
    private final PageTexts texts;
    private final AppShell shell;
    private final PublicUrl publicUrl;
    private final JsonMapper json;
    private final Mustache.Compiler compiler;

    Pages(PageTexts texts, AppShell shell, PublicUrl publicUrl, JsonMapper json) {
        this.texts = texts;
        this.shell = shell;
        this.publicUrl = publicUrl;
        this.json = json;
        this.compiler = Mustache.compiler().withEscaper(HTML).defaultValue("").withLoader(Pages::template);
        this.layout = compile(compiler, "layout");
        this.event = compile(compiler, "event");
        this.rsvpForm = compile(compiler, "rsvp-form");
        this.rsvp = compile(compiler, "rsvp");
        this.notFound = compile(compiler, "not-found");
    }

    /** Another page's template, compiled as these are. */
    Template compiled(String name) {
        return compile(compiler, name);
    }

    /** The whole document around a page's body. */
    String layout(Map<String, Object> page) {
        return layout.execute(page);
    }

    public PageTexts texts() {
        return texts;
    }

    /** An event's page; {@code form} is the RSVP form as it should show (blank, or as sent with its errors). */
    public Mono<ResponseEntity<String>> event(
            ServerWebExchange exchange, EventView view, RsvpForm form, HttpStatus status) {
        Language language = Language.of(exchange.getRequest());
        return csrf(exchange).map(token -> {
            Map<String, Object> model = eventModel(view, language);
            model.put("rsvpForm", rsvpForm(view, form, language, token));
            String path = "/events/" + view.id();
            Map<String, Object> page = page(language, view.title(), path);
            page.put("meta", meta(view, language, path));
            page.put("jsonLd", jsonLd(view));
            page.put("jsonLdId", "event-jsonld");
            page.put("body", event.execute(model));
            return html(status, layout.execute(page));
        });
    }

    /** The page of one RSVP for the person holding its token. */
    public Mono<ResponseEntity<String>> rsvp(ServerWebExchange exchange, ManagedRsvp managed, HttpStatus status) {
        Language language = Language.of(exchange.getRequest());
        return csrf(exchange).map(token -> {
            Map<String, Object> model = common(language);
            model.put("token", managed.token());
            model.put("csrfName", token.getParameterName());
            model.put("csrf", token.getToken());
            model.put("notice", managed.form().notice());
            model.put("unconfirmed", "UNCONFIRMED".equals(managed.stateKey()));
            model.put(
                    "stateText",
                    managed.waitlistPosition() == null
                            ? texts.get(language, "state_" + managed.stateKey())
                            : texts.count(language, "state_" + managed.stateKey(), managed.waitlistPosition()));
            Map<String, Object> eventModel = eventModel(managed.event(), language);
            eventModel.put("rsvpForm", rsvpForm(managed.event(), managed.form(), language, token));
            model.put("event", event.execute(eventModel));
            Map<String, Object> page = page(language, texts.get(language, "manage"), "/rsvp/" + managed.token());
            page.put("robotsNone", true);
            page.put("body", rsvp.execute(model));
            return html(status, layout.execute(page));
        });
    }

    /** What is left after an RSVP is withdrawn: the word that it is gone, and the way back. */
    public Mono<ResponseEntity<String>> withdrawn(ServerWebExchange exchange, String eventId) {
        Language language = Language.of(exchange.getRequest());
        Map<String, Object> model = common(language);
        model.put("withdrawn", true);
        model.put("eventId", eventId);
        model.put("notice", texts.get(language, "withdrawn"));
        Map<String, Object> page = page(language, texts.get(language, "manage"), "/");
        page.put("robotsNone", true);
        page.put("body", rsvp.execute(model));
        return Mono.just(html(HttpStatus.OK, layout.execute(page)));
    }

    /** The one answer for unknown and forbidden-to-see alike. */
    public Mono<ResponseEntity<String>> notFound(ServerWebExchange exchange) {
        Language language = Language.of(exchange.getRequest());
        Map<String, Object> page = page(language, texts.get(language, "not_found_title"), "/");
        page.put("robotsNone", true);
        page.put("body", notFound.execute(common(language)));
        return Mono.just(html(HttpStatus.NOT_FOUND, layout.execute(page)));
    }

    Map<String, Object> common(Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("t", texts.all(language));
        model.put("lang", language.tag());
        return model;
    }

    Map<String, Object> page(Language language, String title, String path) {
        Map<String, Object> page = common(language);
        page.put("dir", language.dir());
        page.put("title", title);
        page.put("shell", shell.tags());
        List<Map<String, String>> languages = new ArrayList<>();
        for (Language other : Language.values()) {
            if (other != language) {
                languages.add(Map.of(
                        "hreflang", other.tag(),
                        "href", path + "?lang=" + other.tag(),
                        "name", texts.get(other, "language_name")));
            }
        }
        page.put("languages", languages);
        return page;
    }

    private Map<String, Object> meta(EventView view, Language language, String path) {
        String where = view.place() == null ? null : view.place().cityIn(language.tag());
        String when = EventTexts.when(view.startUtc(), view.endUtc(), view.timeZone(), language);
        StringBuilder description = new StringBuilder(when);
        if (where != null) {
            description.append(" · ").append(where);
        }
        if (view.description() != null && !view.description().isBlank()) {
            description.append(" · ").append(summary(view.description()));
        }
        return meta(view.title(), description.toString(), path, language);
    }

    /** Link-preview and search meta of a page at {@code path}: canonical in its language, and its alternates. */
    Map<String, Object> meta(String title, String description, String path, Language language) {
        Map<String, Object> meta = new HashMap<>();
        String base = publicUrl.base() + path;
        meta.put("title", title);
        meta.put("canonical", base + "?lang=" + language.tag());
        List<Map<String, String>> alternates = new ArrayList<>();
        for (Language l : Language.values()) {
            alternates.add(Map.of("hreflang", l.tag(), "href", base + "?lang=" + l.tag()));
        }
        alternates.add(Map.of("hreflang", "x-default", "href", base));
        meta.put("alternates", alternates);
        meta.put("ogLocale", language == Language.FA ? "fa_IR" : "en_US");
        meta.put("description", description);
        return meta;
    }

    /** The first words of a description, on one line, for previews. */
    static String summary(String text) {
        String line =
                text.replaceAll("[#*_`>\\[\\]]", "").replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, line.offsetByCodePoints(0, 199)) + "…";
    }

    private Map<String, Object> eventModel(EventView view, Language language) {
        Map<String, Object> model = common(language);
        model.put("id", view.id());
        model.put("title", view.title());
        model.put("startUtc", view.startUtc().toString());
        model.put("when", EventTexts.when(view.startUtc(), view.endUtc(), view.timeZone(), language));
        model.put("gregorian", EventTexts.gregorian(view.startUtc(), view.timeZone(), language));
        boolean date = view.recurrenceId() != null;
        if (view.status() != EventStatus.SCHEDULED) {
            // One date of a series says it is that date, not the whole action, that is cancelled.
            model.put(
                    "statusText",
                    texts.get(
                            language,
                            (date && view.status() == EventStatus.CANCELLED ? "date_" : "status_") + view.status()));
            model.put("statusReason", view.statusReason());
        }
        if (date) {
            model.put("seriesHref", "/events/" + view.id() + "?lang=" + language.tag());
            if (!view.recurrenceId().equals(view.start())) {
                model.put(
                        "movedText",
                        texts.format(
                                language,
                                "date_moved",
                                EventTexts.local(view.recurrenceId(), language),
                                EventTexts.local(view.start(), language)));
            }
        }
        if (view.place() != null) {
            EventView.Place p = view.place();
            Map<String, Object> where = new HashMap<>();
            where.put("venue", p.venue());
            where.put("address", p.address());
            where.put("city", p.cityIn(language.tag()));
            where.put("country", p.countryCode() == null ? null : country(p.countryCode(), language));
            where.put("locationHidden", view.locationHidden());
            model.put("where", where);
        }
        if (view.online() != null) {
            Map<String, Object> online = new HashMap<>();
            online.put("url", safeUrl(view.online().url()));
            model.put("online", online);
        }
        model.put("organizationSlug", view.organization().slug());
        model.put("organizationName", view.organization().name());
        if (view.coHosts() != null) {
            model.put("hasCoHosts", true);
            model.put(
                    "coHosts",
                    view.coHosts().stream()
                            .map(o -> Map.of("slug", o.slug(), "name", o.name()))
                            .toList());
        }
        if (view.campaign() != null) {
            model.put("campaignSlug", view.campaign().slug());
            model.put("campaignName", view.campaign().name());
        }
        if (view.accessibility() != null) {
            Map<String, Object> access = new HashMap<>();
            access.put(
                    "features",
                    view.accessibility().features().stream()
                            .map(f -> texts.get(language, "a11y_" + f.name().toLowerCase(java.util.Locale.ROOT)))
                            .toList());
            access.put("note", view.accessibility().note());
            model.put("accessibility", access);
        }
        if (view.languages() != null && !view.languages().isEmpty()) {
            model.put("eventLanguages", String.join(", ", view.languages()));
        }
        model.put("hasSpeakers", view.speakers() != null && !view.speakers().isEmpty());
        model.put("speakers", view.speakers());
        model.put("counts", counts(view.attendance(), language));
        model.put("descriptionHtml", view.descriptionHtml());
        return model;
    }

    private List<String> counts(EventView.Attendance a, Language language) {
        List<String> counts = new ArrayList<>();
        if (a == null) {
            return counts;
        }
        counts.add(texts.count(language, "going", a.going()));
        counts.add(texts.count(language, "maybe", a.maybe()));
        if (a.waitlisted() > 0) {
            counts.add(texts.count(language, "waitlisted", a.waitlisted()));
        }
        if (a.spotsLeft() != null) {
            counts.add(
                    a.spotsLeft() == 0
                            ? texts.get(language, "full")
                            : texts.count(language, "spots_left", a.spotsLeft()));
        }
        return counts;
    }

    private String rsvpForm(EventView view, RsvpForm form, Language language, CsrfToken token) {
        Map<String, Object> model = common(language);
        boolean closed = view.rsvpMode() == RsvpMode.CLOSED || view.status() == EventStatus.CANCELLED;
        model.put("closed", closed);
        model.put("action", form.action());
        model.put("submit", form.submit() == null ? texts.get(language, "rsvp_send") : form.submit());
        model.put("csrfName", token.getParameterName());
        model.put("csrf", token.getToken());
        model.put("name", form.name());
        model.put("email", form.email());
        // In the page's digits ("۰" in Persian); the form reads Persian, Arabic-Indic and Latin digits alike.
        model.put("guests", language == Language.FA ? Digits.persian(form.guests()) : form.guests());
        model.put("occurrence", form.occurrence());
        model.put("general", form.general());
        model.put("notice", form.notice());
        for (String field : List.of("name", "email", "response", "guests")) {
            model.put(field + "Error", form.errors().get(field));
        }
        List<Map<String, Object>> responses = new ArrayList<>();
        for (String value : List.of("GOING", "MAYBE", "NOT_GOING")) {
            responses.add(Map.of(
                    "value", value, "label", texts.get(language, value), "checked", value.equals(form.response())));
        }
        model.put("responses", responses);
        return rsvpForm.execute(model);
    }

    /** schema.org Event, as the web app writes it (pages/event/jsonld.ts); hidden places stay hidden. */
    private String jsonLd(EventView e) {
        return script(eventLd(e, true));
    }

    /** The schema.org Event of a view; {@code withContext} for a top-level object. */
    Map<String, Object> eventLd(EventView e, boolean withContext) {
        boolean physical = e.place() != null && !e.locationHidden();
        String online = e.online() == null ? null : safeUrl(e.online().url());
        String mode = physical && online != null
                ? "MixedEventAttendanceMode"
                : online != null || e.place() == null ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode";
        List<Object> locations = new ArrayList<>();
        if (e.place() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (physical && e.place().address() != null) {
                address.put("streetAddress", e.place().address());
            }
            address.put("addressLocality", e.place().city());
            address.put("addressCountry", e.place().countryCode());
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put(
                    "name",
                    physical && e.place().venue() != null
                            ? e.place().venue()
                            : e.place().city());
            place.put("address", address);
            locations.add(place);
        }
        if (online != null) {
            locations.add(ordered("@type", "VirtualLocation", "url", online));
        }
        String status = e.status() == EventStatus.CANCELLED
                ? "EventCancelled"
                : e.status() == EventStatus.POSTPONED ? "EventPostponed" : "EventScheduled";
        Map<String, Object> ld = new LinkedHashMap<>();
        if (withContext) {
            ld.put("@context", "https://schema.org");
        }
        ld.put("@type", "Event");
        ld.put("name", e.title());
        if (e.description() != null && !e.description().isBlank()) {
            ld.put("description", e.description());
        }
        ld.put("startDate", e.startUtc().toString());
        ld.put("endDate", e.endUtc().toString());
        ld.put("eventStatus", "https://schema.org/" + status);
        ld.put("eventAttendanceMode", "https://schema.org/" + mode);
        if (!locations.isEmpty()) {
            ld.put("location", locations.size() == 1 ? locations.getFirst() : locations);
        }
        ld.put(
                "organizer",
                ordered(
                        "@type",
                        "Organization",
                        "name",
                        e.organization().name(),
                        "url",
                        publicUrl.base() + "/organizations/" + e.organization().slug()));
        ld.put("url", publicUrl.base() + "/events/" + e.id());
        if (e.speakers() != null && !e.speakers().isEmpty()) {
            ld.put(
                    "performer",
                    e.speakers().stream()
                            .map(s -> ordered("@type", "Person", "name", s.name()))
                            .toList());
        }
        return ld;
    }

    /** JSON-LD for a script element. */
    String script(Object ld) {
        // Inside <script>, "</script>" or "<!--" in a title must not end or change the block: no <, > or & at all.
        return json.writeValueAsString(ld)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    /** A JSON object whose keys keep their order (Map.of's order changes from one run to the next). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Only web links are links: anything else (javascript:, data:) is not put in an href. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    static String country(String code, Language language) {
        String name = Locale.of("", code).getDisplayCountry(language.locale());
        return name.isBlank() ? code : name;
    }

    /** The CSRF token for this visitor's forms (Spring Security's cookie, made on first use). */
    private static Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.error(new IllegalStateException("no CSRF token on this exchange")) : token;
    }

    static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // Per visitor: the language chosen and the CSRF token in the forms.
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .body(body);
    }

    private static Reader template(String name) {
        try {
            return new InputStreamReader(
                    new ClassPathResource("pages/templates/" + name + ".mustache").getInputStream(),
                    StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Template compile(Mustache.Compiler compiler, String name) {
        try (Reader reader = template(name)) {
            return compiler.compile(reader);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
