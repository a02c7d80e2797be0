/**
 * The HTTP edge: the security chain, CSRF, CORS, RFC 9457 problem details, rate limits, request
 * checks (text, dates), and the web app's files.
 */
package org.tocsin.web;
