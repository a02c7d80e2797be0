package org.tocsin.imports.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's calendar an organization imports, with the defaults its events get and its sync status.
 *
 * @param url null for the organization's one-off uploads (one such source per organization)
 * @param addedBy the admin who added it: syncs act as them, and stop when they are no longer an admin
 * @param nextSyncAt when the poller may fetch it next
 * @param leaseUntil while set and in the future, one replica is syncing it and nobody else may
 * @param failures consecutive failed syncs, for the backoff
 */
@Document("import_sources")
public record ImportSourceDocument(
        @Id String id,
        String organizationId,
        String url,
        String name,
        Defaults defaults,
        String addedBy,
        Instant createdAt,
        Instant nextSyncAt,
        Instant leaseUntil,
        String etag,
        String lastModified,
        int failures,
        Status status) {

    /** What each imported event gets that an iCalendar file does not say the way Tocsin needs it. */
    public record Defaults(
            String kind,
            String city,
            String countryCode,
            String timeZone,
            List<String> tags,
            String campaign,
            String visibility) {}

    /**
     * The last sync: when, how it ended (null when it worked), the counts, and the VEVENTs it refused.
     */
    public record Status(
            Instant lastSyncAt,
            Instant lastSuccessAt,
            String error,
            boolean notModified,
            int created,
            int updated,
            int unchanged,
            int cancelled,
            int skipped,
            List<Refusal> refused) {}

    public record Refusal(String uid, String summary, String reason) {}
}
