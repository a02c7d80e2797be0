/**
 * Events and series (local times in an IANA zone, RRULE and changed dates, place or online link, status,
 * visibility) and discovery: the in-process read model that answers every list without letting hidden
 * data steer what a stranger sees, and the one {@code EventFilter} discovery, feeds and calendars share.
 */
package org.tocsin.events;
