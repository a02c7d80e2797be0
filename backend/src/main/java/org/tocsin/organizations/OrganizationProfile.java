package org.tocsin.organizations;

/** An organization's public face, as other features show it on their pages (organizations are public). */
public record OrganizationProfile(String id, String slug, String name, String description) {}
