package org.tocsin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An error log names the failing path, never the capability token inside it. */
class LoggedPathTest {

    @Test
    void capabilityTokensNeverReachTheLog() {
        assertThat(ProblemExceptionHandler.withoutToken("/feeds/private/tcr_secret.ics"))
                .isEqualTo("/feeds/private/[token]");
        assertThat(ProblemExceptionHandler.withoutToken("/api/v1/rsvps/tcm_secret/confirm"))
                .isEqualTo("/api/v1/rsvps/[token]");
        assertThat(ProblemExceptionHandler.withoutToken("/rsvp/tcm_secret")).isEqualTo("/rsvp/[token]");
        assertThat(ProblemExceptionHandler.withoutToken("/api/v1/invitations/tci_secret/accept"))
                .isEqualTo("/api/v1/invitations/[token]");
        assertThat(ProblemExceptionHandler.withoutToken("/join/tci_secret")).isEqualTo("/join/[token]");
        assertThat(ProblemExceptionHandler.withoutToken("/api/v1/events/abc")).isEqualTo("/api/v1/events/abc");
    }
}
