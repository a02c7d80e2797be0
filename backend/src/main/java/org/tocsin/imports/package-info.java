/**
 * Importing partners' calendars: iCalendar sources an organization's admins add (a URL polled with
 * conditional GETs through the SSRF-safe {@link org.tocsin.outbound.OutboundHttp}, or a one-off upload),
 * each VEVENT mapped by UID into the organization's events through the events feature's own service, the
 * mapping from UID to event, and each source's sync status with the VEVENTs it could not take.
 */
package org.tocsin.imports;
