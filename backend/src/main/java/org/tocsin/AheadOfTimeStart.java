package org.tocsin;

import java.util.Locale;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Starts from the bean definitions the build wrote ahead of time (Spring AOT, {@code process-aot} in
 * backend/pom.xml) when they are the ones this start would compute, which saves parsing 330 configuration
 * classes and evaluating their conditions: about a second of every start on two cores (docs/performance.md).
 *
 * <p>The build computed them for the packaged configuration: no profile, the embedded database, no SMTP host, no
 * metrics, no demo. A start that sets anything that could change which beans exist (any {@code spring.*},
 * {@code management.*}, {@code server.*} or {@code springdoc.*} property other than the port and address, a
 * profile, {@code tocsin.demo} or {@code tocsin.metrics.*}) computes its own, as without AOT, and says why in the
 * log. So does a start from classes rather than the jar: a developer's classes may have changed since the build
 * wrote its definitions. {@code -Dspring.aot.enabled} set either way is obeyed as given.
 */
final class AheadOfTimeStart implements SmartApplicationListener {

    private static final Log log = LogFactory.getLog(AheadOfTimeStart.class);
    static final String AOT_ENABLED = "spring.aot.enabled";
    private static final String GENERATED = TocsinApplication.class.getName() + "__ApplicationContextInitializer";

    private String decision = "";

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationStartedEvent.class.isAssignableFrom(type);
    }

    /** After the configuration files are read (an {@link EnvironmentPostProcessor}), before the context is made. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            if (System.getProperty(AOT_ENABLED) != null) {
                decision = AOT_ENABLED + "=" + System.getProperty(AOT_ENABLED) + " was given";
                return;
            }
            Optional<String> against = reasonAgainst(prepared.getEnvironment(), packagedInJar());
            against.ifPresentOrElse(reason -> decision = "computed at start-up: " + reason, () -> {
                System.setProperty(AOT_ENABLED, "true");
                decision = "the ones the build wrote ahead of time";
            });
        } else if (event instanceof ApplicationStartedEvent) {
            log.info("Bean definitions: " + decision);
        }
    }

    private static boolean packagedInJar() {
        var source = TocsinApplication.class.getProtectionDomain().getCodeSource();
        return source != null
                && source.getLocation().toString().contains(".jar")
                && ClassUtils.isPresent(GENERATED, TocsinApplication.class.getClassLoader());
    }

    /** Why this start must compute its own bean definitions; empty when the build's are the ones it would compute. */
    static Optional<String> reasonAgainst(ConfigurableEnvironment environment, boolean packagedInJar) {
        if (!packagedInJar) {
            return Optional.of("not started from a jar with ahead-of-time bean definitions");
        }
        if (environment.getActiveProfiles().length > 0) {
            return Optional.of("profile " + String.join(", ", environment.getActiveProfiles()) + " is active");
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable) || packaged(source)) {
                continue;
            }
            boolean fromEnvironment =
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
            for (String name : enumerable.getPropertyNames()) {
                String key = fromEnvironment ? name.toLowerCase(Locale.ROOT).replace('_', '.') : name;
                if (shapesBeans(key, String.valueOf(enumerable.getProperty(name)))) {
                    return Optional.of(name + " is set (" + source.getName() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** The packaged application.properties (the build's own configuration) and what Boot itself adds. */
    private static boolean packaged(PropertySource<?> source) {
        String name = source.getName();
        return name.equals("configurationProperties")
                || name.equals("random")
                || name.equals("applicationInfo")
                || name.contains("class path resource [application.properties]");
    }

    /**
     * Whether a property may change which beans exist. {@code ArchitectureTest} checks that every condition in
     * Tocsin's own code reads a property this says yes to.
     */
    static boolean shapesBeans(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("tocsin.")) {
            return k.startsWith("tocsin.demo") || k.startsWith("tocsin.metrics");
        }
        if (k.equals("server.port")
                || k.equals("server.address")
                || k.startsWith("logging.")
                || k.equals("spring.context.exit")) {
            return false;
        }
        if (k.equals("spring.mongodb.uri")) {
            return !value.isBlank();
        }
        return k.startsWith("spring.")
                || k.startsWith("management.")
                || k.startsWith("server.")
                || k.startsWith("springdoc.")
                || k.equals("debug")
                || k.equals("trace");
    }
}
