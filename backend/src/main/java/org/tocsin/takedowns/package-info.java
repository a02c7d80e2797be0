/**
 * What the platform's moderators took down: the events and organizations hidden from every public
 * surface, held in memory (a handful of ids) so the one place that decides visibility (events' lookup
 * and read model, organizations' public lookup) can ask without a query. Below every feature that
 * shows things; the moderation feature above decides who may hide and records why.
 */
package org.tocsin.takedowns;
