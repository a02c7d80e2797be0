/**
 * Subscribable calendars: saved filters, organization members' private feed tokens, and the one resolver
 * of private calendar addresses.
 */
package org.tocsin.calendars;
