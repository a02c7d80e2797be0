package org.tocsin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features as Spring Modulith sees them: every direct sub-package of {@code org.tocsin} is a module,
 * its sub-packages ({@code internal}) are its own. What the compiler does not check, this does.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(TocsinApplication.class);

    /** No cycle between features, and no feature reaching into another's internals. */
    @Test
    void modulesAreVerified() {
        MODULES.verify();
    }

    /**
     * The modules from the edge down to the kernel. Every arrow points down this list, so the diagram
     * draws without an upward arrow; a new module takes its place here (the test names it otherwise).
     */
    private static final List<String> TOP_TO_BOTTOM = List.of(
            // The HTTP edge and the demo seeder use the features; nothing uses them.
            "web",
            "demo",
            // Operators' opt-in request metrics and mail queue gauge.
            "metrics",
            // Operators' copies of the data.
            "backups",
            // Reports, the moderators' queue, takedowns and suspensions, and reading the audit log.
            "moderation",
            // Features, each using only those below it.
            "webhooks",
            "imports",
            // Bulk imports of an organization's events (NDJSON jobs).
            "bulk",
            "coalitions",
            "feeds",
            // Every subscribable calendar, a person's RSVP calendar too (from rsvps' PersonalRsvps).
            "calendars",
            "rsvps",
            // Server-rendered pages (rsvps' forms render into them).
            "pages",
            "ical",
            "events",
            "campaigns",
            "organizations",
            // The audit log: every feature above records into it.
            "audit",
            "accounts",
            // What features share: mail's outbox, places, rate limits, storage, text rules, the kernel.
            "mail",
            "places",
            // The one client for URLs users give.
            "outbound",
            "ratelimits",
            // What the moderators took down, asked by every read that decides visibility.
            "takedowns",
            "storage",
            "text",
            "kernel");

    @Test
    void everyArrowPointsDown() {
        List<String> modules =
                MODULES.stream().map(m -> m.getIdentifier().toString()).toList();
        assertThat(TOP_TO_BOTTOM).containsExactlyInAnyOrderElementsOf(modules);
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            assertThat(module.getDirectDependencies(MODULES).uniqueModules())
                    .allSatisfy(target -> assertThat(
                                    TOP_TO_BOTTOM.indexOf(target.getIdentifier().toString()))
                            .as("%s -> %s", name, target.getIdentifier())
                            .isGreaterThan(TOP_TO_BOTTOM.indexOf(name)));
        }
    }

    /**
     * Writes the map of the features and their arrows (PlantUML, C4 style) into {@code docs/modules/},
     * where it is committed: a change to the arrows shows in the diff of the change that made it.
     */
    @Test
    void writesTheModuleDiagram() throws IOException {
        Path repository = Path.of("").toAbsolutePath();
        if (repository.endsWith("backend")) {
            repository = repository.getParent();
        }
        // The folder is emptied before writing: make sure it is this repository's own.
        assertThat(repository.resolve("backend/pom.xml")).exists();
        Path folder = repository.resolve("docs/modules");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(folder.resolve("components.puml")).exists();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortArrows(file);
            }
        }
    }

    /**
     * The Documenter lists the arrows in no fixed order from run to run; sorted, an unchanged map is an
     * unchanged file, and the diff of a change shows only the arrows it made.
     */
    private static void sortArrows(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        Iterator<String> sorted = lines.stream()
                .filter(line -> line.startsWith("Rel"))
                .sorted()
                .toList()
                .iterator();
        Files.write(
                diagram,
                lines.stream()
                        .map(line -> line.startsWith("Rel") ? sorted.next() : line)
                        .toList());
    }
}
