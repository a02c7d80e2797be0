package org.tocsin.storage;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code --tocsin.database-only=true}: this process is only the embedded database, shared by several
 * backends on the same host (replicas without a MongoDB install). It opens the durable H2 file in the data
 * directory, as the one-command run does, and listens on {@code 127.0.0.1:tocsin.database.port}; it answers
 * only connections that present the secret in {@code tocsin.database.secret-file} (user {@code tocsin},
 * SASL PLAIN). No web server, no features. The backends connect with
 * {@code spring.mongodb.uri=mongodb://tocsin:<secret>@127.0.0.1:<port>/tocsin?authMechanism=PLAIN} and so know
 * that others write to their database ({@link DatabaseSharing}).
 *
 * <p>Deliberately no stereotype annotation: the application's component scan must not pick it up; it is
 * the source of its own small context ({@link #run}).
 */
@EnableConfigurationProperties(DataDirectory.class)
@Import(PrivateDataDirectory.class)
public class DatabaseOnlyServer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOnlyServer.class);
    static final String MODE = "tocsin.database-only";

    /** Whether the command line or the environment ({@code TOCSIN_DATABASE_ONLY}) asks for this mode. */
    public static boolean requested(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment.getProperty(MODE, Boolean.class, false);
    }

    /** Starts the database and returns once it listens; it runs until the context is closed (or the process ends). */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(DatabaseOnlyServer.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    @Bean
    EmbeddedStore embeddedStore(
            DataDirectory dataDirectory,
            PrivateDataDirectory privateDataDirectory,
            @Value("${tocsin.restore-from:}") String restoreFrom)
            throws IOException {
        // Backends on this server write what a single process's index snapshot would not know: a later start
        // of the one-command run on this directory must read every event instead.
        Files.deleteIfExists(dataDirectory.resolve(DataDirectory.EVENT_INDEX_SNAPSHOT));
        return EmbeddedStore.open(dataDirectory, restoreFrom);
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer sharedMongoServer(
            EmbeddedStore embeddedStore,
            @Value("${tocsin.database.port}") int port,
            @Value("${tocsin.database.secret-file}") Path secretFile) {
        if (port < 0 || port > 65_535) {
            throw new IllegalStateException("tocsin.database.port: " + port + " is not a port");
        }
        EmbeddedCredential credential = EmbeddedCredential.fromFile(secretFile);
        MongoServer server = new MongoServer(new DurableH2Backend(embeddedStore.store(), credential));
        server.bind("127.0.0.1", port);
        log.info(
                "Database-only server on {} storing data in {}",
                server.getLocalAddress(),
                embeddedStore.store().getFileStore().getFileName());
        return server;
    }
}
