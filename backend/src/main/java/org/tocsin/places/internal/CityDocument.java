package org.tocsin.places.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A city known from events: the first spelling seen and the zone its events use. No gazetteer needed. */
@Document("cities")
public record CityDocument(@Id String key, String name, String countryCode, String timeZone) {}
