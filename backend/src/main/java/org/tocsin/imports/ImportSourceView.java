package org.tocsin.imports;

import java.time.Instant;
import java.util.List;
import org.tocsin.imports.internal.ImportSourceDocument;

/** A source as its organization's admins see it: where from, with which defaults, and how the last sync went. */
record ImportSourceView(
        String id,
        String url,
        String name,
        ImportSourceDocument.Defaults defaults,
        Instant createdAt,
        Instant nextSyncAt,
        ImportSourceDocument.Status status) {

    static ImportSourceView of(ImportSourceDocument d) {
        return new ImportSourceView(
                d.id(),
                d.url(),
                d.name(),
                d.defaults(),
                d.createdAt(),
                d.url() == null ? null : d.nextSyncAt(),
                d.status());
    }

    static final List<ImportSourceDocument.Refusal> NONE = List.of();
}
