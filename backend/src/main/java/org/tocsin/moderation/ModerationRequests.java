package org.tocsin.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tocsin.text.MultiLine;

/** What reporters and moderators send. */
final class ModerationRequests {

    static final int MAX_TEXT = 1_000;

    private ModerationRequests() {}

    /**
     * A report: {@code target} is an event's id, or an organization's or a campaign's slug, as its page
     * shows it; {@code text} is optional and short.
     */
    record Report(
            @NotNull ReportKind kind,
            @NotBlank @Size(max = 100) String target,
            @NotNull ReportCategory category,
            @Size(max = MAX_TEXT) @MultiLine String text) {}
}
