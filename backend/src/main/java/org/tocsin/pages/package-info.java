/**
 * Public pages rendered on the server (the event page, the RSVP form and the page that manages an
 * RSVP): real HTML in the visitor's language with link-preview meta and schema.org JSON-LD, readable
 * and usable with JavaScript off, then taken over by the web app. What a page shows comes from the
 * same services and views as the API, so it hides exactly what the API hides. Also the languages of
 * these outputs and their dates (Solar Hijri for Persian).
 */
package org.tocsin.pages;
