package org.tocsin.imports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.tocsin.events.EventKind;
import org.tocsin.events.Visibility;

/**
 * A partner's calendar to import, and what its events get: kind, city (whose zone floating times are in
 * unless {@code timeZone} says otherwise), tags, campaign and visibility. For an upload, {@code url} is
 * absent and {@code ics} holds the file.
 */
record ImportSourceRequest(
        @Size(max = 2000) String url,
        @Size(max = 100) String name,
        @NotNull EventKind kind,
        @NotBlank @Size(max = 100) String city,

        @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166 two-letter country code")
        String countryCode,

        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @Size(max = 64) String campaign,
        Visibility visibility) {}
