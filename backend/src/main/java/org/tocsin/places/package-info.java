/**
 * Cities (key, name, country, zone, coordinates) known from public events, and distances on the globe.
 */
package org.tocsin.places;
