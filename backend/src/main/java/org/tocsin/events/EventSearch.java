package org.tocsin.events;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.events.internal.EventDocument;
import org.tocsin.text.SearchText;

/**
 * What `q=` searches: title, description, venue, city and speakers. A venue kept for attendees is
 * searchable only by those who may read it, so its words are kept apart from the public terms: a
 * stranger's query must not be able to tell whether a hidden venue holds a word.
 */
final class EventSearch {

    /** The words anyone may search, and the words only those who see the hidden location may search. */
    record Terms(List<String> visible, List<String> hidden) {

        boolean matches(List<String> tokens, boolean seesHidden) {
            if (!seesHidden || hidden.isEmpty()) {
                return SearchText.matches(visible, tokens);
            }
            List<String> all = new ArrayList<>(visible);
            all.addAll(hidden);
            return SearchText.matches(all, tokens);
        }
    }

    private EventSearch() {}

    /**
     * Derived from the event's fields, never read from the stored {@code searchTerms}: documents stored
     * before hidden venues were kept apart carry the hidden words there, and must not leak them.
     */
    static Terms termsOf(EventDocument event) {
        return termsOf(event.title(), event.description(), event.place(), event.speakers(), event.locationVisibility());
    }

    static Terms termsOf(
            String title,
            String description,
            EventDocument.Place place,
            List<EventDocument.Speaker> speakers,
            LocationVisibility locationVisibility) {
        List<String> texts = new ArrayList<>(List.of(title, description));
        if (place != null) {
            texts.add(place.city());
        }
        speakers.forEach(s -> {
            texts.add(s.name());
            texts.add(s.affiliation());
        });
        List<String> visible = SearchText.terms(texts.toArray(String[]::new));
        String venue = place == null ? null : place.venue();
        if (venue == null) {
            return new Terms(visible, List.of());
        }
        if (locationVisibility != LocationVisibility.ATTENDEES) {
            texts.add(venue);
            return new Terms(SearchText.terms(texts.toArray(String[]::new)), List.of());
        }
        List<String> hidden = new ArrayList<>(SearchText.terms(venue));
        hidden.removeAll(visible);
        return new Terms(visible, List.copyOf(hidden));
    }
}
