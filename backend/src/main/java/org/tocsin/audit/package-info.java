/**
 * The audit log: who did what that matters in an organization or a campaign (events created, edited,
 * published, cancelled, deleted; roles, invitations, campaign decisions, moderation), kept
 * {@code tocsin.audit.retention} (180 days by default) and swept daily. An entry names the acting
 * organizer or moderator by account id and the subject by id and title: never an attendee, an email or
 * an address ({@link org.tocsin.audit.AuditLog#record} refuses free text beyond a short label). Below
 * organizations so every feature can record; who may read a log is decided by the caller above.
 */
package org.tocsin.audit;
