/**
 * The HTTP edge: the security chain, CSRF, CORS, request decoding (text and date checks in JSON
 * bodies and query strings), the web app's files, and RFC 9457 problem details. It alone maps a
 * domain {@link org.tocsin.kernel.Refusal} to a status, problem type and title ({@link
 * org.tocsin.web.ApiProblem#from}); no feature depends on it.
 */
package org.tocsin.web;
