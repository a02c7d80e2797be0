package org.tocsin.places;

/**
 * A city as events name it. {@code key} ("de/berlin") is stable across spellings ("Berlin",
 * " berlin"); {@code timeZone} is the zone the city's events use, once one is known.
 */
public record CityRef(String key, String name, String countryCode, String timeZone, Double lat, Double lon) {}
