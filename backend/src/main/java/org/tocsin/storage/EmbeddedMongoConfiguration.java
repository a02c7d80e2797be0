package org.tocsin.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one-command default: with no MongoDB URI configured, Tocsin runs an embedded MongoDB
 * wire-protocol server in-process, on the loopback interface, storing its data in one H2 MVStore
 * file under the data directory. With {@code spring.mongodb.uri} set, none of this starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    static final String DATABASE = "tocsin";

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(DataDirectory dataDirectory) {
        Path file = dataDirectory.resolve("tocsin.mv.db").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + file.getParent(), e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB server on {} storing data in {}", address, file);
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE);
        return () -> uri;
    }
}
