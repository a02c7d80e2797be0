/**
 * Bulk event imports: an organizer's NDJSON file of create bodies, checked line by line by the events
 * feature ({@link org.tocsin.events.EventBatches}) and, only when every line passes, stored in batches,
 * as a job whose state and counts the organizer polls.
 */
package org.tocsin.bulk;
