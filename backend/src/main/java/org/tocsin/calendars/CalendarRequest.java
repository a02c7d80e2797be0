package org.tocsin.calendars;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tocsin.kernel.Slugs;

/** {@code POST /api/v1/calendars}: a name, a slug, and the discovery filter the calendar keeps. */
record CalendarRequest(
        @NotBlank @Size(max = 120) String name,

        @NotBlank @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        String slug,

        @NotNull @Valid Filter filter) {

    record Filter(
            @Size(max = 100) String city,

            @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166 two-letter country code")
            String country,

            @Size(max = 40) String kind,
            @Size(max = 40) String tag,
            @Size(max = 64) String campaign,
            @Size(max = 64) String organization,
            @Size(max = 200) String accessibility,
            @Size(max = 35) String language) {}
}
