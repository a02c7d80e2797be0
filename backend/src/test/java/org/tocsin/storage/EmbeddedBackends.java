package org.tocsin.storage;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/** The embedded server's backend on a file, driven directly, as the storage tests use it. */
final class EmbeddedBackends {

    /** A client connection that has signed in (commands keep per-connection state in the server). */
    static final EmbeddedChannel CLIENT = new EmbeddedChannel();

    static {
        CLIENT.attr(DurableH2Backend.AUTHENTICATED).set(Boolean.TRUE);
    }

    private EmbeddedBackends() {}

    /** The backend on {@code file}, opened as the application opens its data directory's file. */
    static DurableH2Backend open(Path file) {
        return new DurableH2Backend(
                new MVStore.Builder().fileName(file.toString()).compress().open(), EmbeddedCredential.random());
    }
}
