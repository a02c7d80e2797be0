package org.tocsin.campaigns;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.tocsin.kernel.Slugs;
import org.tocsin.text.MultiLine;

/** What clients send to create or change a campaign. */
final class CampaignRequests {

    private CampaignRequests() {}

    record Create(
            @NotBlank @Size(max = 160) String name,

            @NotBlank @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
            String slug,

            @Size(max = 5000) @MultiLine String description,
            LocalDate startsOn,
            LocalDate endsOn,
            @NotBlank @Size(max = 64) String organization) {}

    /** Absent fields stay as they are. */
    record Update(
            @Size(min = 1, max = 160) String name,
            @Size(max = 5000) @MultiLine String description,
            LocalDate startsOn,
            LocalDate endsOn) {}
}
