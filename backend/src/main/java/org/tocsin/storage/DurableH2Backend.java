package org.tocsin.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore commits about once a second on its own, so an acknowledged write could be lost
 * to a crash in that window. Committing after every command that changed the store, before the
 * reply goes out, makes every acknowledged write survive a {@code kill -9}.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            // Drivers (and Spring Boot's health check) say "hello"; this server knows its older name.
            String known = "hello".equals(command) ? "isMaster" : command;
            return super.handleCommand(channel, database, known, query);
        } finally {
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}
