/**
 * Requests Tocsin makes to addresses its users give it (partners' calendars, webhook endpoints): the one
 * SSRF-safe HTTP client. Every connection, the first and each redirect's, goes to an address that was
 * resolved once and checked ({@link org.tocsin.outbound.AddressPolicy}), so neither a URL, nor a redirect,
 * nor a DNS answer that changes between check and use (rebinding) reaches private, loopback, link-local or
 * metadata addresses. Size and time limits bound every request; no cookies or credentials are sent.
 */
package org.tocsin.outbound;
