/**
 * The API reference: the OpenAPI document's prose, examples, error responses and security schemes, written in
 * one resource ({@code openapi/operations.yaml}) rather than on each controller, and the reference page Tocsin
 * serves itself ({@code /docs/api}), rendered on the server from that document: no script, nothing third-party.
 */
package org.tocsin.web.openapi;
