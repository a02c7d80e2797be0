/**
 * RSVPs: answers with guests, seats counted atomically, waitlists, approval, guest manage tokens,
 * reminders, retention, and the mail each change sends (queued in the flow that causes it).
 */
package org.tocsin.rsvps;
