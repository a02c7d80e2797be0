package org.tocsin.rsvps;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.tocsin.events.Descriptions;
import org.tocsin.events.EventView;
import org.tocsin.pages.EventTexts;
import org.tocsin.rsvps.internal.RsvpDocument;
import org.tocsin.text.Digits;
import org.tocsin.text.Language;
import org.tocsin.text.UserText;

/**
 * The words of an RSVP mail for someone who answered in Persian ({@code rsvps/mail_fa.properties}):
 * dates in the Solar Hijri calendar with the Gregorian date beside, in the event's zone, Persian
 * digits, and every user-written string (name, title, reason) between Unicode isolates (FSI…PDI) so
 * a Latin title or a number never reorders the Persian text around it in a plain-text mail.
 */
final class PersianMail {

    private static final Properties TEXTS = load();

    private PersianMail() {}

    record Words(String subject, String text) {}

    static Words of(RsvpNotifications.Kind kind, RsvpDocument rsvp, String manageLink, EventView event) {
        String title = isolate(event.title());
        String subjectKey = switch (kind) {
            case CONFIRMED ->
                switch (rsvp.state()) {
                    case GOING, WAITLISTED, PENDING, MAYBE -> "subject.CONFIRMED." + rsvp.state();
                    default -> "subject.CONFIRMED";
                };
            case APPROVED -> rsvp.state() == RsvpState.GOING ? "subject.APPROVED.GOING" : "subject.APPROVED";
            default -> "subject." + kind;
        };
        Map<String, String> values = Map.of(
                "{title}",
                title,
                "{name}",
                isolate(rsvp.name()),
                "{state}",
                get("state." + rsvp.state()),
                "{reason}",
                event.statusReason() == null ? "" : isolate(event.statusReason()));
        String bodyKey = kind == RsvpNotifications.Kind.CANCELLED && event.statusReason() != null
                ? "body.CANCELLED.reason"
                : "body." + kind;
        StringBuilder text = new StringBuilder();
        text.append(fill(get("hello"), values)).append("\n\n");
        text.append(fill(get(bodyKey), values)).append("\n\n");
        // A one-off event's own times are current even right after a change; a series names the RSVP's occurrence.
        boolean series = event.recurrence() != null;
        Instant start = series ? rsvp.occurrenceStartUtc() : event.startUtc();
        Instant end = series ? rsvp.occurrenceEndUtc() : event.endUtc();
        text.append(get("when"))
                .append(' ')
                .append(EventTexts.when(start, end, event.timeZone(), Language.FA))
                .append('\n');
        text.append(get("gregorian"))
                .append(' ')
                .append(EventTexts.gregorian(start, event.timeZone(), Language.FA))
                .append('\n');
        String where = where(event);
        if (kind == RsvpNotifications.Kind.LOCATION_REVEALED && where != null) {
            text.append(get("where")).append(' ').append(where).append('\n');
        }
        if (event.privateNotes() != null && !event.privateNotes().isBlank()) {
            text.append('\n')
                    .append(get("notes"))
                    .append('\n')
                    .append(isolate(Descriptions.toPlainText(event.privateNotes())))
                    .append("\n\n");
        }
        if (rsvp.guests() > 0) {
            text.append(get("guests"))
                    .append(' ')
                    .append(Digits.persian(Integer.toString(rsvp.guests())))
                    .append('\n');
        }
        if (manageLink != null) {
            text.append('\n')
                    .append(get("manage"))
                    .append(' ')
                    .append(isolate(manageLink))
                    .append('\n');
        }
        text.append('\n').append(get("footer")).append('\n');
        return new Words(get(subjectKey) + ": " + title, text.toString());
    }

    /**
     * Venue, address and city as {@link RsvpNotifications#where} has them, each typed part isolated, the city
     * by its Persian name when the gazetteer has one (ours, not isolated: "برلین", not "Berlin").
     */
    private static String where(EventView event) {
        if (RsvpNotifications.where(event) == null) {
            return null;
        }
        EventView.Place p = event.place();
        List<String> parts = new ArrayList<>();
        for (String typed : new String[] {p.venue(), p.address()}) {
            if (typed != null && !typed.isBlank()) {
                parts.add(isolate(typed));
            }
        }
        if (p.city() != null && !p.city().isBlank()) {
            String persian = p.cityNames() == null ? null : p.cityNames().get(Language.FA.tag());
            parts.add(persian != null ? persian : isolate(p.city()));
        }
        return String.join("، ", parts);
    }

    /** User text, cleaned of any bidi control of its own, between isolates that are then balanced. */
    private static String isolate(String userText) {
        return EventTexts.FSI + UserText.printable(userText, "") + EventTexts.PDI;
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    private static String get(String key) {
        String text = TEXTS.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no Persian mail text " + key);
        }
        return text;
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(
                new ClassPathResource("rsvps/mail_fa.properties").getInputStream(), StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
