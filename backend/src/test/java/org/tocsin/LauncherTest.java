package org.tocsin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code ./tocsin}, on machines whose default {@code java} is too old: it must find a
 * JDK 21+ where people install them, prefer the newest, use the AOT cache only on 25+, and otherwise say in one
 * sentence what to install. Run against stand-in {@code java} executables that report a version and record how
 * they were started, in a copy of the launcher beside a stand-in build.
 */
class LauncherTest {

    @TempDir
    Path root;

    private Path launcher;
    private Path started;
    private Path bin;

    @BeforeEach
    void copyTheLauncherBesideABuild() throws IOException {
        launcher = root.resolve("tocsin");
        Files.copy(Path.of("../tocsin"), launcher);
        executable(launcher);
        Files.createDirectories(root.resolve("backend/target/app"));
        Files.writeString(root.resolve("backend/target/app/tocsin.jar"), "");
        Files.writeString(root.resolve("backend/target/app/tocsin.aot"), "");
        started = root.resolve("started");
        bin = Files.createDirectories(root.resolve("bin"));
        // The default java: too old.
        fakeJava(bin, 17);
    }

    /** A {@code java} of that feature version: answers -XshowSettings as a JDK does, else records its arguments. */
    private Path fakeJava(Path dir, int version) throws IOException {
        Path java = dir.resolve("java");
        Files.createDirectories(dir);
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-XshowSettings:properties" ]; then
                  echo "    java.specification.version = %d" >&2
                  echo "    java.vendor = Stand-in" >&2
                  exit 0
                fi
                echo "%d $*" > "%s"
                """.formatted(version, version, started));
        executable(java);
        return java;
    }

    private Path jdk(String name, int version) throws IOException {
        Path home = root.resolve("jdks").resolve(name);
        fakeJava(home.resolve("bin"), version);
        return home;
    }

    private record Run(int exit, String output, String started) {}

    private Run run(Map<String, String> environment) throws Exception {
        ProcessBuilder process =
                new ProcessBuilder("sh", launcher.toString(), "--server.port=9").redirectErrorStream(true);
        process.environment().clear();
        process.environment().put("PATH", bin + ":/usr/bin:/bin");
        process.environment().put("HOME", root.toString());
        process.environment().put("TOCSIN_JDK_DIRS", root.resolve("jdks") + "/*");
        process.environment().putAll(environment);
        Process p = process.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String how = Files.exists(started) ? Files.readString(started).strip() : "";
        return new Run(p.exitValue(), output, how);
    }

    @Test
    void withAnOldDefaultJavaTheNewestInstalledJdkRunsWithItsAotCache() throws Exception {
        // The newest sorts between the others: neither the first nor the last found wins by accident.
        jdk("corretto-21", 21);
        jdk("temurin-25", 25);
        jdk("zulu-22", 22);
        jdk("zulu-8", 8);

        Run run = run(Map.of());

        assertThat(run.exit()).isZero();
        String app = root.resolve("backend/target/app/") + "/";
        assertThat(run.started())
                .isEqualTo("25 -XX:AOTCache=" + app + "tocsin.aot -jar " + app + "tocsin.jar --server.port=9");
    }

    @Test
    void aSuitableJavaHomeIsTakenAsItIsWithoutTheCacheBefore25() throws Exception {
        jdk("temurin-25", 25);
        Path home = jdk("home-21", 21);

        Run run = run(Map.of("JAVA_HOME", home.toString()));

        assertThat(run.exit()).isZero();
        assertThat(run.started()).startsWith("21 -jar ").endsWith("tocsin.jar --server.port=9");
    }

    @Test
    void aJdksReleaseFileIsReadWithoutStartingItsJava() throws Exception {
        jdk("zulu-22", 22);
        Path home = jdk("temurin-25", 25);
        // What every JDK ships beside bin/: the launcher reads it and does not start this java to ask.
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        Files.writeString(
                home.resolve("bin/java"),
                Files.readString(home.resolve("bin/java"))
                        .replace("exit 0", "touch \"%s\"; exit 0".formatted(root.resolve("asked"))));
        Path old = jdk("java-8", 8);
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"1.8.0_452\"\n");

        Run run = run(Map.of());

        assertThat(run.exit()).isZero();
        assertThat(run.started()).startsWith("25 -XX:AOTCache=");
        assertThat(root.resolve("asked")).doesNotExist();
    }

    @Test
    void withNoJdk21AnywhereItSaysWhatToInstall() throws Exception {
        Path old = jdk("temurin-17", 17);

        Run run = run(Map.of("JAVA_HOME", old.toString()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.started()).isEmpty();
        assertThat(run.output().strip())
                .startsWith("tocsin: needs Java 21 or newer")
                .contains("install a JDK 21+ such as Temurin 25")
                .doesNotContain("\n");
    }

    @Test
    void beforeTheBuildItSaysToBuild() throws Exception {
        jdk("temurin-25", 25);
        Files.delete(root.resolve("backend/target/app/tocsin.jar"));

        Run run = run(Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("build it first with ./mvnw -B -DskipTests package");
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
