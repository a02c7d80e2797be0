/**
 * Cities (key, name, country, zone, coordinates) known from public events, and distances on the globe. The
 * offline gazetteer (GeoNames' cities of 15,000+ people, built into the jar) resolves a city typed in any
 * script to one canonical city with its zone and centre.
 */
package org.tocsin.places;
