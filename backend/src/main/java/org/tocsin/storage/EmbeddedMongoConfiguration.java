package org.tocsin.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one-command default: with no MongoDB URI configured, Tocsin runs an embedded MongoDB
 * wire-protocol server in-process, on the loopback interface, storing its data in one H2 MVStore
 * file under the data directory. With {@code spring.mongodb.uri} set, none of this starts.
 *
 * <p>Other accounts on the host: the data directory and its files are the owner's alone
 * ({@link PrivateDataDirectory}), and the server answers only connections that know this start's
 * {@link EmbeddedCredential}. It listens on TCP, not on a socket file in the data directory, because
 * the reactive MongoDB driver connects over TCP only (its Unix socket support is the blocking driver's).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    static final String DATABASE = "tocsin";

    /** Made anew at each start, kept in memory only. */
    @Bean
    EmbeddedCredential embeddedCredential() {
        return EmbeddedCredential.random();
    }

    /** The database file, opened once the directory exists for its owner only ({@code privateDataDirectory}). */
    @Bean
    EmbeddedStore embeddedStore(
            DataDirectory dataDirectory,
            PrivateDataDirectory privateDataDirectory,
            @Value("${tocsin.restore-from:}") String restoreFrom) {
        return EmbeddedStore.open(dataDirectory, restoreFrom);
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedStore embeddedStore, EmbeddedCredential credential) {
        MongoServer server = new MongoServer(new DurableH2Backend(embeddedStore.store(), credential));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info(
                "Embedded MongoDB server on {} storing data in {}",
                address,
                embeddedStore.store().getFileStore().getFileName());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE);
        return () -> uri;
    }

    /** The application's client proves it is this process; the secret stays out of the URI (and so out of logs). */
    @Bean
    MongoClientSettingsBuilderCustomizer embeddedMongoCredential(EmbeddedCredential credential) {
        return settings -> settings.credential(credential.credential());
    }
}
