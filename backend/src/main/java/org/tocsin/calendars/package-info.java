/**
 * Subscribable calendars and their tokens: saved filters, organization members' private feeds, a person's
 * calendar of their RSVPs (read through rsvps' {@code PersonalRsvps}), and the one resolver
 * of private calendar addresses.
 */
package org.tocsin.calendars;
