package org.tocsin.bulk.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bulk import of an organization's events and how far it got. No account and no address is kept:
 * the organization's managers may read it, nobody needs to know which of them sent it.
 *
 * @param received the non-blank lines of the file
 * @param written events stored so far
 * @param failed lines refused (when any is, nothing is stored)
 * @param problems the first problems found, each with its line, field and message
 * @param moreProblems whether there were more problems than {@code problems} lists
 * @param heartbeatAt when the replica running the job last said it still runs it (its lease): a job
 *     whose heartbeat is older than the lease is marked {@link State#FAILED}, so a job whose replica
 *     died does not stay CHECKING or WRITING for ever
 */
@Document("event_imports")
public record ImportJobDocument(
        @Id String id,
        String organizationId,
        State state,
        int received,
        int written,
        int failed,
        List<Problem> problems,
        boolean moreProblems,
        Instant createdAt,
        Instant updatedAt,
        Instant heartbeatAt) {

    public enum State {
        /** Every line being read and validated; nothing stored yet. */
        CHECKING,
        /** Every line passed; events are being stored, a batch at a time. */
        WRITING,
        /** Every event stored. */
        DONE,
        /** At least one line was refused: nothing was stored. */
        REJECTED,
        /**
         * Stopped by a fault of the server while writing, or its replica stopped (its lease ran out):
         * {@code written} events were stored, whole (when the replica died, perhaps one batch more).
         */
        FAILED
    }

    /** The states of a job still running (on some replica, or abandoned by one that stopped). */
    public static final List<State> RUNNING = List.of(State.CHECKING, State.WRITING);

    public static final List<State> FINISHED = List.of(State.DONE, State.REJECTED, State.FAILED);

    public record Problem(int line, String field, String message) {}

    public ImportJobDocument with(State state, int written, Instant now) {
        return new ImportJobDocument(
                id, organizationId, state, received, written, failed, problems, moreProblems, createdAt, now, now);
    }

    public ImportJobDocument rejected(int failed, List<Problem> problems, boolean moreProblems, Instant now) {
        return new ImportJobDocument(
                id, organizationId, State.REJECTED, received, 0, failed, problems, moreProblems, createdAt, now, now);
    }
}
