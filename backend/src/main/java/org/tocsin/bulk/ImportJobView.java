package org.tocsin.bulk;

import java.time.Instant;
import java.util.List;
import org.tocsin.bulk.internal.ImportJobDocument;

/**
 * A bulk import as its organization's managers see it. {@code state} is CHECKING, WRITING, DONE,
 * REJECTED (a line was refused: nothing stored) or FAILED (a server fault while writing, or the replica
 * running it stopped: {@code written} events stored, each whole). Finished jobs are kept 7 days.
 */
record ImportJobView(
        String id,
        String state,
        int received,
        int written,
        int failed,
        List<ImportJobDocument.Problem> problems,
        boolean moreProblems,
        Instant createdAt,
        Instant updatedAt) {

    static ImportJobView of(ImportJobDocument job) {
        return new ImportJobView(
                job.id(),
                job.state().name(),
                job.received(),
                job.written(),
                job.failed(),
                job.problems(),
                job.moreProblems(),
                job.createdAt(),
                job.updatedAt());
    }
}
