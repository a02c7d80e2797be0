/**
 * Feeds over HTTP: which events a feed holds and for whom, JSON Feed and Atom, iCalendar through
 * {@code ical}, ETags and 304s ahead of everything else, and the cache of rendered bodies.
 */
package org.tocsin.feeds;
