package org.tocsin.rsvps;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/events/{id}/rsvps}. {@code name} may be a pseudonym; {@code email} is optional
 * (only for notices). {@code occurrence} names one occurrence of a series (see {@link
 * org.tocsin.events.EventFacts#occurrence}); absent, the next one. {@code lang} is the language the
 * person answered in (the web app sends its own; absent, the request's Accept-Language), which their
 * mails then speak. Like every request text, the name is
 * one line without control characters (text.UserText, for the whole API).
 */
record RsvpRequest(
        @NotBlank @Size(max = RsvpRequest.MAX_NAME) String name,
        @Size(max = 254) String email,
        @NotNull RsvpResponse response,
        @Min(0) @Max(RsvpRequest.MAX_GUESTS) Integer guests,
        @Size(max = 40) String occurrence,
        @Size(max = 35) String lang) {

    static final int MAX_NAME = 80;
    static final int MAX_GUESTS = 10;

    RsvpRequest withLang(String language) {
        return new RsvpRequest(name, email, response, guests, occurrence, language);
    }

    int guestCount() {
        return guests == null ? 0 : guests;
    }
}
