package org.tocsin.events;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.tocsin.accounts.CurrentUser;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many new events of one organization, for a bulk import: every line read, validated and built exactly as
 * {@code POST /api/v1/events} does it ({@link EventRequests}, {@link EventService#draft}), every problem
 * reported with its line; then stored in batches, one insert and one index update per batch. Nothing is
 * stored by {@link #check}; {@link #write} stores only what passed.
 */
@Service
public class EventBatches {

    /** How many events one insert and one index update take. */
    static final int BATCH = 500;

    private final EventService events;
    private final JsonMapper json;
    private final Validator validator;

    EventBatches(EventService events, JsonMapper json, Validator validator) {
        this.events = events;
        this.json = json;
        this.validator = validator;
    }

    /** One line of the file as sent, numbered from 1 as an editor numbers it. */
    public record Line(int number, String text) {}

    /** What is wrong with a line: the field (as the create body names it) and why. */
    public record LineProblem(int line, String field, String message) {}

    /** The lines checked: the events ready to store, or the problems that keep them from it. */
    public static final class Checked {
        private final List<EventService.NewEvent> drafts;
        private final List<LineProblem> problems;
        private final int failedLines;

        private Checked(List<EventService.NewEvent> drafts, List<LineProblem> problems, int failedLines) {
            this.drafts = drafts;
            this.problems = problems;
            this.failedLines = failedLines;
        }

        public List<LineProblem> problems() {
            return problems;
        }

        /** Lines with at least one problem. */
        public int failedLines() {
            return failedLines;
        }

        public int ready() {
            return drafts.size();
        }
    }

    /** Each line checked as a single create would be, for {@code organization} (its slug) and {@code user}. */
    public Mono<Checked> check(CurrentUser user, String organization, List<Line> lines) {
        Lookups lookups = new Lookups();
        // Each line parsed, validated and built on a worker (two at a time, a core each), never on the database
        // driver's or the server's threads.
        return Flux.fromIterable(lines)
                .flatMapSequential(
                        line -> Mono.defer(() -> checked(user, organization, line, lookups))
                                .subscribeOn(Schedulers.boundedElastic()),
                        2)
                .collectList()
                .map(results -> {
                    List<EventService.NewEvent> drafts = new ArrayList<>();
                    List<LineProblem> problems = new ArrayList<>();
                    int failed = 0;
                    for (Result r : results) {
                        if (r.draft() != null) {
                            drafts.add(r.draft());
                        } else {
                            failed++;
                            problems.addAll(r.problems());
                        }
                    }
                    return new Checked(List.copyOf(drafts), List.copyOf(problems), failed);
                });
    }

    /**
     * The checked events stored, a batch at a time, each batch made known (discovery, followers) while the next one
     * is stored; emits how many are stored and known after each batch. A batch is only stored once the one before
     * it is, and a batch stored is always made known, even when the next one fails (so at most one batch is ahead
     * of the count).
     */
    public Flux<Integer> write(Checked checked) {
        Lookups lookups = new Lookups();
        int[] written = {0};
        return Flux.fromIterable(checked.drafts)
                .buffer(BATCH)
                .concatMap(batch -> events.storeAll(batch).thenReturn(batch), 1)
                .concatMapDelayError(
                        batch -> events.announceAll(batch, lookups).then(Mono.fromSupplier(() -> {
                            written[0] += batch.size();
                            return written[0];
                        })),
                        false,
                        1);
    }

    private record Result(EventService.NewEvent draft, List<LineProblem> problems) {}

    private Mono<Result> checked(CurrentUser user, String organization, Line line, Lookups lookups) {
        EventRequest request;
        try {
            request = EventRequests.read(json, line.text());
            EventRequests.validate(validator, request);
        } catch (JacksonException e) {
            return Mono.just(problem(line, "body", "is not valid JSON"));
        } catch (Refusal refusal) {
            return Mono.just(problems(line, refusal, "body"));
        }
        if (!organization.equals(request.organization())) {
            return Mono.just(problem(line, "organization", "must be " + organization + ", the organization importing"));
        }
        String otherwise = request.campaign() != null ? "campaign" : "organization";
        return events.prepare(user, request, lookups)
                .map(draft -> new Result(draft, List.of()))
                .onErrorResume(Refusal.class, refusal -> Mono.just(problems(line, refusal, otherwise)));
    }

    private static Result problem(Line line, String field, String message) {
        return new Result(null, List.of(new LineProblem(line.number(), field, message)));
    }

    /** A refusal's fields, or (for a refusal of the whole line, such as a closed campaign) {@code field}. */
    private static Result problems(Line line, Refusal refusal, String field) {
        if (refusal.fields().isEmpty()) {
            return problem(line, field, refusal.getMessage());
        }
        return new Result(
                null,
                refusal.fields().stream()
                        .map(f -> new LineProblem(line.number(), f.field(), f.message()))
                        .toList());
    }

    /** Each distinct look-up made once per import (and its answer, a refusal too, shared by every line). */
    private static final class Lookups implements EventService.Lookups {
        private final Map<String, Mono<?>> made = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> Mono<T> once(String key, Supplier<Mono<T>> lookup) {
            return (Mono<T>) made.computeIfAbsent(key, k -> lookup.get().cache());
        }

        private final Map<String, String> safeHtml = new ConcurrentHashMap<>();

        @Override
        public boolean batch() {
            return true;
        }

        /** This import's own descriptions only, bounded by its file, gone with it. */
        @Override
        public String safeHtml(String description) {
            return safeHtml.computeIfAbsent(description, Descriptions::toSafeHtml);
        }
    }
}
