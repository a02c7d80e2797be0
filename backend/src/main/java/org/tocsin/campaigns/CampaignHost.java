package org.tocsin.campaigns;

import java.time.LocalDate;

/** A campaign with the organization that runs it and its dates: what decides who reviews its submissions. */
public record CampaignHost(
        String id, String slug, String name, String organizationId, LocalDate startsOn, LocalDate endsOn) {}
