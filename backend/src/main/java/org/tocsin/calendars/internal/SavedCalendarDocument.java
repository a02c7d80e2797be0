package org.tocsin.calendars.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A public calendar made of a saved discovery filter ("marches in Germany tagged #freethemall"). */
@Document("calendars")
public record SavedCalendarDocument(
        @Id String id, String slug, String name, Filter filter, String ownerId, Instant createdAt) {

    /**
     * The filters of GET /api/v1/events that make sense for a standing calendar; slugs as the user gave
     * them. {@code accessibility} (a comma-separated list) and {@code language} are null in calendars saved
     * before they were kept.
     */
    public record Filter(
            String city,
            String country,
            String kind,
            String tag,
            String campaign,
            String organization,
            String accessibility,
            String language) {}
}
