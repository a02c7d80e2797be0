package org.tocsin;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The conventions of ARCHITECTURE.md that a compiler does not check. Main code only. */
class ArchitectureTest {

    private static final Pattern INTERNAL = Pattern.compile("^org\\.tocsin\\.([a-z0-9]+)\\.internal(\\..*)?$");

    /** Tocsin's own classes, without what Spring AOT writes beside them at packaging (bean definitions, proxies). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
            .importPackages("org.tocsin");

    /**
     * A start from the build's ahead-of-time bean definitions skips every condition; AheadOfTimeStart allows it
     * only when no property a condition reads was set, so each condition in Tocsin's code must read one it knows.
     */
    @Test
    void everyConditionReadsAPropertyThatTurnsOffTheAheadOfTimeStart() {
        List<String> read = new ArrayList<>();
        List<HasAnnotations<?>> annotated = new ArrayList<>();
        for (JavaClass type : MAIN) {
            annotated.add(type);
            annotated.addAll(type.getMethods());
        }
        for (HasAnnotations<?> member : annotated) {
            member.tryGetAnnotationOfType(ConditionalOnProperty.class)
                    .ifPresent(c -> read.addAll(List.of(c.name().length > 0 ? c.name() : c.value())));
            member.tryGetAnnotationOfType(ConditionalOnBooleanProperty.class)
                    .ifPresent(c -> read.addAll(List.of(c.name().length > 0 ? c.name() : c.value())));
            member.tryGetAnnotationOfType(ConditionalOnExpression.class).ifPresent(c -> {
                Matcher placeholder = Pattern.compile("\\$\\{([^:}]+)").matcher(c.value());
                while (placeholder.find()) {
                    read.add(placeholder.group(1));
                }
            });
        }
        assertThat(read).contains("spring.mongodb.uri", "tocsin.demo", "tocsin.metrics.enabled");
        assertThat(read)
                .allSatisfy(key -> assertThat(AheadOfTimeStart.shapesBeans(key, "set"))
                        .as(key)
                        .isTrue());
    }

    /** A feature's {@code internal} package (its documents and stores) is for that feature alone. */
    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        Set<String> features = new TreeSet<>();
        for (JavaClass type : MAIN) {
            Matcher m = INTERNAL.matcher(type.getPackageName());
            if (m.matches()) {
                features.add(m.group(1));
            }
        }
        // Guards against the rule passing because nothing was found (e.g. a renamed package).
        assertThat(features).contains("accounts");

        for (String feature : features) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.tocsin." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.tocsin." + feature + ".internal..")
                    .because(feature + " keeps its storage private; use its public service types")
                    .check(MAIN);
        }
    }

    /** An RSVP mail attaches its invitation from {@code ical}; it has no business with the feeds' HTTP. */
    @Test
    void rsvpsDoesNotDependOnFeeds() {
        noClasses()
                .that()
                .resideInAPackage("org.tocsin.rsvps..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tocsin.feeds..")
                .check(MAIN);
    }

    /**
     * {@code ical} writes what it is given: events' public views, text hygiene and the public address
     * for UIDs and links. Which events, for whom, is decided by its callers (feeds, rsvps), never here.
     */
    @Test
    void icalDependsOnlyOnEventsPublicTypes() {
        classes()
                .that()
                .resideInAPackage("org.tocsin.ical..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.tocsin..")
                        .or(resideInAnyPackage("org.tocsin.ical..", "org.tocsin.events", "org.tocsin.text.."))
                        .or(resideInAPackage("org.tocsin..").and(simpleName("PublicUrl"))))
                .check(MAIN);
    }

    /**
     * Domain code refuses with {@link org.tocsin.kernel.Refusal}; only the web edge knows statuses and
     * problem types. Controllers may name a success status ({@code @ResponseStatus(CREATED)}), and the
     * feeds' conditional GET answers 304 itself: HTTP revalidation is what it is.
     */
    @Test
    void onlyTheEdgeSpeaksHttpStatusesAndProblems() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.tocsin.web..", "org.tocsin.pages..")
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .and()
                .doNotHaveSimpleName("FeedRevalidation")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(HttpStatus.class)
                .because("a service refuses with a Refusal; the edges (web, and pages for HTML) give statuses")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.tocsin.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tocsin.web..")
                .because("the web edge depends on the features, never the other way")
                .check(MAIN);
    }

    /** The shared kernel is what every feature may use, so it may use no feature. */
    @Test
    void theKernelDependsOnNoFeature() {
        classes()
                .that()
                .resideInAPackage("org.tocsin.kernel..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("org.tocsin..").or(resideInAPackage("org.tocsin.kernel..")))
                .check(MAIN);
    }

    /**
     * Blocking on a reactive type stalls an event-loop thread. The exceptions are start-up hooks on
     * the main thread: creating indexes and loading the read model, before the server accepts
     * requests ({@link SmartInitializingSingleton#afterSingletonsInstantiated()}), seeding demo
     * data ({@link ApplicationRunner#run}), and a clean stop's last writes, on the closing thread after
     * the server has stopped taking requests ({@link SmartLifecycle#stop()}).
     */
    @Test
    void noBlockingOnMonoOrFluxOutsideStartUpIndexCreation() {
        noClasses()
                .should()
                .callMethodWhere(blockOnReactiveType().and(DescribedPredicate.not(fromStartUpHook())))
                .check(MAIN);
    }

    @Test
    void noThreadSleepInMainCode() {
        noClasses()
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "Thread.sleep(..)",
                        call -> call.getTargetOwner().isEquivalentTo(Thread.class)
                                && call.getName().equals("sleep")))
                .because("a sleeping event-loop thread serves nobody; use Mono.delay or a scheduler")
                .check(MAIN);
    }

    /**
     * Subscriptions that may end without an error handler, as "Class.method" to the reason. None today:
     * notifications return their Mono and are composed into the caller's flow; scheduled jobs and the
     * event-change followers subscribe with an error consumer that logs.
     */
    private static final Map<String, String> SUBSCRIBE_WITHOUT_ERROR_HANDLER = Map.of();

    /**
     * No fire-and-forget: a bare {@code subscribe()} (or one with a value consumer only) drops its
     * failure where nobody looks, and the work it started is lost without a word. Compose the Mono into
     * the caller's flow, or subscribe with an error consumer that logs.
     */
    @Test
    void noSubscriptionWithoutAnErrorHandler() {
        noClasses()
                .should()
                .callMethodWhere(subscribeWithoutErrorHandler()
                        .and(DescribedPredicate.not(DescribedPredicate.describe(
                                "allowed with a reason",
                                call -> SUBSCRIBE_WITHOUT_ERROR_HANDLER.containsKey(
                                        call.getOriginOwner().getSimpleName() + "."
                                                + call.getOrigin().getName())))))
                .because("a failure nobody sees is a side effect silently lost")
                .check(MAIN);
    }

    private static DescribedPredicate<JavaMethodCall> subscribeWithoutErrorHandler() {
        return DescribedPredicate.describe("subscribe() or subscribe(Consumer) on a Publisher", call -> {
            List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
            return call.getTargetOwner().isAssignableTo(Publisher.class)
                    && call.getName().equals("subscribe")
                    && (parameters.isEmpty()
                            || parameters.size() == 1 && parameters.getFirst().isEquivalentTo(Consumer.class));
        });
    }

    private static DescribedPredicate<JavaMethodCall> blockOnReactiveType() {
        return DescribedPredicate.describe(
                "Mono/Flux.block*()",
                call -> (call.getTargetOwner().isAssignableTo(Mono.class)
                                || call.getTargetOwner().isAssignableTo(Flux.class))
                        && call.getName().startsWith("block"));
    }

    private static DescribedPredicate<JavaMethodCall> fromStartUpHook() {
        return DescribedPredicate.describe(
                "from a start-up hook on the main thread, or a clean stop",
                call -> call.getOrigin().getName().equals("afterSingletonsInstantiated")
                                && call.getOriginOwner().isAssignableTo(SmartInitializingSingleton.class)
                        || call.getOrigin().getName().equals("run")
                                && call.getOriginOwner().isAssignableTo(ApplicationRunner.class)
                        || call.getOrigin().getName().equals("stop")
                                && call.getOrigin().getRawParameterTypes().isEmpty()
                                && call.getOriginOwner().isAssignableTo(SmartLifecycle.class));
    }
}
