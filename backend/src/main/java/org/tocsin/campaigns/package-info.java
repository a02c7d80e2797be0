/**
 * Campaigns: days of action that gather the events of many cities and organizations, run by one
 * organization, whose organizers alone put events into them.
 */
package org.tocsin.campaigns;
