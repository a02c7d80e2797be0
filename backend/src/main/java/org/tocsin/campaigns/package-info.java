/**
 * Campaigns: days of action that gather the events of many cities and organizations, run by one
 * organization, whose organizers put events into them directly or approve other organizations'
 * submissions (coalitions).
 */
package org.tocsin.campaigns;
