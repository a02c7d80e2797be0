package org.tocsin.coalitions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tocsin.text.MultiLine;

/** What campaign organizers and submitters send. */
final class CoalitionRequests {

    static final int MAX_INSTRUCTIONS = 10_000;
    static final int MAX_TEMPLATE = 20_000;
    static final int MAX_MATERIALS = 20;
    static final int MAX_PARTNERS = 200;
    static final int MAX_BULK = 100;

    private CoalitionRequests() {}

    /** The whole call, replaced at once; absent flags are false, absent dates fall back to the campaign's. */
    record Call(
            Boolean open,
            @Size(max = MAX_INSTRUCTIONS) @MultiLine String instructions,
            @Size(max = MAX_TEMPLATE) @MultiLine String template,
            @Size(max = MAX_MATERIALS) List<@Valid @NotNull Material> materials,
            LocalDate acceptsFrom,
            LocalDate acceptsTo,
            Boolean reviewChanges) {}

    /** Instructions to render as the call would, without saving them. */
    record Preview(@Size(max = MAX_INSTRUCTIONS) @MultiLine String instructions) {}

    record Material(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String url) {}

    /** Organization slugs whose submissions are approved at once; replaces the list. */
    record Partners(@NotNull @Size(max = MAX_PARTNERS) List<@NotBlank @Size(max = 64) String> organizations) {}

    record Submit(@NotBlank @Size(max = 64) String event) {}

    record Decline(@NotBlank @Size(max = 1000) @MultiLine String reason) {}

    record Bulk(@NotNull @Size(min = 1, max = MAX_BULK) List<@NotBlank @Size(max = 64) String> ids) {}
}
