package org.tocsin.campaigns;

/** A campaign as other features refer to it. */
public record CampaignRef(String id, String slug, String name) {}
