/**
 * The durable outbox: a mail is stored before anything is sent, claimed by one replica with a lease,
 * retried with backoff, deleted once sent; SMTP, or {@code .eml} files without it.
 */
package org.tocsin.mail;
