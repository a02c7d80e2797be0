package org.tocsin.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts {@link ChildApp}s for a test and kills every one of them after it, whatever the test left running. */
public final class ChildApps implements AfterEachCallback {

    private final List<Process> started = new ArrayList<>();

    public ChildApp start(Path dataDir, String... arguments) throws IOException, InterruptedException {
        ChildApp child = ChildApp.start(dataDir, arguments);
        started.add(child.process());
        return child;
    }

    /** {@link ChildApp#startHealthyAt}, killed after the test like the others. */
    public ChildApp startHealthyAt(String healthPath, Path dataDir, String... arguments)
            throws IOException, InterruptedException {
        ChildApp child = ChildApp.startHealthyAt(healthPath, dataDir, arguments);
        started.add(child.process());
        return child;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (Process child : started) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        started.clear();
    }
}
