package org.tocsin.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the database opens: the data directory exists, and it and Tocsin's files in it
 * (the database file, the outbox folder and its .eml files) are its owner's alone, also when an older
 * version or a loose umask left them readable by other local users. Other files an operator keeps
 * there are left as they are.
 */
@Component
class PrivateDataDirectory implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PrivateDataDirectory.class);

    private final DataDirectory dataDirectory;

    PrivateDataDirectory(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void afterPropertiesSet() {
        Path root = dataDirectory.dataDir().toAbsolutePath();
        try {
            PrivateFiles.directory(root);
            // The database file (and any file H2 keeps beside it), and the mail feature's .eml files.
            PrivateFiles.tighten(root, name -> name.startsWith("tocsin."));
            PrivateFiles.tighten(root.resolve("outbox"), name -> true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + root, e);
        }
        log.debug("Data directory {} is private to its owner", root);
    }
}
