/**
 * Reports and moderation: anyone (no account needed, rate-limited per address) reports an event, an
 * organization or a campaign; the platform admins ({@code tocsin.admins}) work the queue: hide an event
 * or an organization (through {@link org.tocsin.events.EventTakedowns}, so the one place that decides
 * visibility drops it everywhere), restore it, dismiss a report, suspend an account
 * ({@link org.tocsin.accounts.Suspensions}). A report holds nothing about who sent it: no account, no
 * address, not even hashed. Also the reading of the audit log for an organization's or a campaign's
 * ADMIN+ (the log itself is {@link org.tocsin.audit}).
 */
package org.tocsin.moderation;
