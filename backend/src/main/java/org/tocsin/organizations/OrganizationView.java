package org.tocsin.organizations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.tocsin.organizations.internal.OrganizationDocument;

/** The public face of an organization; {@code myRole} only for a caller who belongs to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrganizationView(
        String id, String slug, String name, String description, Instant createdAt, Instant updatedAt, Role myRole) {

    static OrganizationView of(OrganizationDocument org, Role myRole) {
        return new OrganizationView(
                org.id(), org.slug(), org.name(), org.description(), org.createdAt(), org.updatedAt(), myRole);
    }
}
