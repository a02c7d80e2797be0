/**
 * Everything iCalendar (RFC 5545, iTIP RFC 5546): content lines folded by octets and cleaned of
 * controls, VTIMEZONEs from the JVM's tz data, an event's VEVENTs, whole feeds and mail invitations.
 * It writes the events it is given; which events, for whom, is its callers' decision (feeds, rsvps).
 */
package org.tocsin.ical;
