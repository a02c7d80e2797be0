package org.tocsin.events;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.text.SearchText;
import org.tocsin.events.internal.EventDocument;

/** What `q=` searches: title, description, venue, city and speakers. */
final class EventSearch {

    private EventSearch() {
    }

    static List<String> termsOf(String title, String description, EventDocument.Place place,
            List<EventDocument.Speaker> speakers) {
        List<String> texts = new ArrayList<>(List.of(title, description));
        if (place != null) {
            texts.add(place.venue());
            texts.add(place.city());
        }
        speakers.forEach(s -> {
            texts.add(s.name());
            texts.add(s.affiliation());
        });
        return SearchText.terms(texts.toArray(String[]::new));
    }
}
