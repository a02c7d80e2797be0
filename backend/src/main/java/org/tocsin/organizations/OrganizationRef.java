package org.tocsin.organizations;

/** An organization as other features refer to it. */
public record OrganizationRef(String id, String slug, String name) {}
