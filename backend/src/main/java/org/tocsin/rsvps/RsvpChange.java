package org.tocsin.rsvps;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/v1/rsvps/{manageToken}}: absent fields stay as they are; an empty email removes it. */
record RsvpChange(
        @Size(max = RsvpRequest.MAX_NAME) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Size(max = 254) String email,
        RsvpResponse response,
        @Min(0) @Max(RsvpRequest.MAX_GUESTS) Integer guests) {}
