package org.tocsin.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore commits about once a second on its own, so an acknowledged write could be lost
 * to a crash in that window. Committing after every command that changed the store, before the
 * reply goes out, makes every acknowledged write survive a {@code kill -9}.
 *
 * <p>mongo-java-server has no authentication, and any local account can connect to a loopback port.
 * So a connection must first prove it knows this start's {@link EmbeddedCredential} (SASL PLAIN);
 * until then it may only say hello, as the driver's monitoring connections do, and learns nothing.
 *
 * <p>Every command reads the store as it was when the command began, and H2 must not free the pages of that
 * version while it does. H2 frees a chunk whose pages were all replaced (by writes, or by its background
 * compaction) once a retention time of 45 seconds has passed, unless a reader registered the version it reads.
 * This server never registers one, and a query materialises its whole answer in one go: the event index's
 * read of a million events ran for minutes and failed with "Chunk 8208 not found". So each command pins the
 * version it reads ({@link #pinned}), as H2's own transactions do.
 *
 * <p>Its databases open without reading their documents ({@link EmbeddedDatabase}), and listing them
 * (the health check's question) answers from the open ones: the server's own answer opened every database
 * anew, re-reading every document, on each call.
 */
final class DurableH2Backend extends H2Backend {

    static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey.valueOf("tocsin.authenticated");
    /** What a connection may send before it authenticates: the handshake and liveness, no data. */
    private static final Set<String> OPEN =
            Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo", "saslStart");

    private final MVStore store;
    private final EmbeddedCredential credential;

    DurableH2Backend(MVStore store, EmbeddedCredential credential) {
        super(store);
        this.store = store;
        this.credential = credential;
        DocumentConversion.run(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("saslStart".equals(command)) {
            return authenticate(channel, query);
        }
        if (!OPEN.contains(command)) {
            requireAuthenticated(channel);
        }
        if ("admin".equals(database) && "listDatabases".equalsIgnoreCase(command)) {
            return databases();
        }
        try {
            // Drivers (and Spring Boot's health check) say "hello"; this server knows its older name.
            String known = "hello".equals(command) ? "isMaster" : command;
            return pinned(() -> super.handleCommand(channel, database, known, query));
        } finally {
            commitIfChanged();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return EmbeddedDatabase.open(name, getMvStore(), getCursorRegistry());
    }

    /** {@code listDatabases}, as the server answers it, from the databases already open. */
    private Document databases() {
        List<Document> found = new ArrayList<>();
        for (String name : listDatabaseNames().stream().sorted().toList()) {
            Document database = new Document("name", name);
            database.put("empty", resolveDatabase(name).isEmpty());
            found.add(database);
        }
        Document answer = new Document("databases", found);
        answer.put("ok", 1.0);
        return answer;
    }

    /** Legacy OP_QUERY reads of a collection. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAuthenticated(query.getChannel());
        return pinned(() -> super.handleQuery(query));
    }

    /** Runs a command with the store's current version (and every page it holds) kept until it ends. */
    private <T> T pinned(Supplier<T> command) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return command.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        requireAuthenticated(query.getChannel());
        return super.getCurrentOperations(query);
    }

    /** One step: the PLAIN message carries the secret, and the answer is final. */
    private Document authenticate(Channel channel, Document query) {
        Object payload = query.get("payload");
        if (channel == null
                || !"PLAIN".equals(query.get("mechanism"))
                || !(payload instanceof BinData message)
                || !credential.accepts(message.getData())) {
            throw new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
        }
        channel.attr(AUTHENTICATED).set(Boolean.TRUE);
        Document answer = new Document();
        answer.put("conversationId", 1);
        answer.put("done", true);
        answer.put("payload", new BinData(new byte[0]));
        answer.put("ok", 1.0);
        return answer;
    }

    /** A null channel is a call from inside this process, never from a client. */
    private static void requireAuthenticated(Channel channel) {
        if (channel != null && !Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get())) {
            throw new MongoServerError(13, "Unauthorized", "Command requires authentication");
        }
    }

    private void commitIfChanged() {
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}
