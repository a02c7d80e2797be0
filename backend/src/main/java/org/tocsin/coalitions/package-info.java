/**
 * Coalitions: a campaign's public call to host an action (instructions, template, materials, the
 * dates it accepts), its partner organizations, and submissions of other organizations' events with
 * the campaign organizers' review. Only an approved submission puts the event into the campaign
 * (events.CampaignLinks); until then the campaign's public surfaces do not know of it.
 */
package org.tocsin.coalitions;
