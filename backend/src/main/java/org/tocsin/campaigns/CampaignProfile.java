package org.tocsin.campaigns;

/**
 * A campaign's public face, as other features show it on their pages (campaigns are public); the
 * dates are ISO days or null.
 */
public record CampaignProfile(
        String id,
        String slug,
        String name,
        String description,
        String startsOn,
        String endsOn,
        String organizationSlug,
        String organizationName) {}
