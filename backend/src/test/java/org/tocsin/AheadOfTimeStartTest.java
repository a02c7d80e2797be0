package org.tocsin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A start from the build's bean definitions must be one whose configuration could not have changed them: an
 * operator who sets a database, an SMTP host or the metrics profile gets those beans, never the build's silently.
 */
class AheadOfTimeStartTest {

    /** An environment with only what a test puts in it, beside the packaged application.properties. */
    private static StandardEnvironment environment(Map<String, Object> args, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", args));
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "Config resource 'class path resource [application.properties]' via location 'optional:classpath:/'",
                        Map.of(
                                "spring.mail.properties.mail.smtp.timeout",
                                "30000",
                                "tocsin.metrics.enabled",
                                "false")));
        return environment;
    }

    @Test
    void theReadmesRunCommandStartsFromTheBuildsDefinitions() {
        var environment = environment(
                Map.of(
                        "tocsin.data-dir", "/srv/tocsin",
                        "server.port", "8080",
                        "server.address", "127.0.0.1",
                        "tocsin.public-url", "https://tocsin.example",
                        "logging.structured.format.console", "ecs",
                        "spring.mongodb.uri", ""),
                Map.of("PATH", "/usr/bin", "JAVA_HOME", "/usr/lib/jvm/x", "TOCSIN_SECURE_COOKIES", "true"));
        assertThat(AheadOfTimeStart.reasonAgainst(environment, true)).isEmpty();
    }

    @Test
    void aDatabaseAnSmtpHostOrADemoComputesItsOwn() {
        assertThat(AheadOfTimeStart.reasonAgainst(
                        environment(Map.of("spring.mongodb.uri", "mongodb://db:27017/tocsin"), Map.of()), true))
                .hasValue("spring.mongodb.uri is set (commandLineArgs)");
        assertThat(AheadOfTimeStart.reasonAgainst(environment(Map.of(), Map.of("SPRING_MAIL_HOST", "smtp")), true))
                .hasValue("SPRING_MAIL_HOST is set (systemEnvironment)");
        assertThat(AheadOfTimeStart.reasonAgainst(environment(Map.of("tocsin.demo", "true"), Map.of()), true))
                .hasValue("tocsin.demo is set (commandLineArgs)");
        assertThat(AheadOfTimeStart.reasonAgainst(
                        environment(Map.of("server.forward-headers-strategy", "framework"), Map.of()), true))
                .isPresent();
    }

    @Test
    void aProfileOrAStartFromClassesComputesItsOwn() {
        var metrics = environment(Map.of(), Map.of());
        metrics.setActiveProfiles("metrics");
        assertThat(AheadOfTimeStart.reasonAgainst(metrics, true)).hasValue("profile metrics is active");
        assertThat(AheadOfTimeStart.reasonAgainst(environment(Map.of(), Map.of()), false))
                .hasValue("not started from a jar with ahead-of-time bean definitions");
    }
}
