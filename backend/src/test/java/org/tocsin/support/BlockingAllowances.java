package org.tocsin.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound runs in every test and fails any blocking call on a non-blocking thread. Allowed:
 * the embedded MongoDB server answers on its own Netty threads (not the web server's) and writes
 * its H2 file there by design; Hibernate Validator reads its message bundle from the jar once per
 * locale and caches it, which is no more blocking than class loading.
 */
public class BlockingAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        for (String method : new String[] {"channelRead0", "channelActive", "channelInactive"}) {
            builder.allowBlockingCallsInside("de.bwaldvogel.mongo.wire.MongoDatabaseHandler", method);
        }
        builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
                "loadBundle");
        // The MongoDB driver guards its connection pool with short internal locks; under contention a
        // thread parks for microseconds. That is the driver's design, not I/O on the event loop.
        for (String method : new String[] {"withLock", "checkedWithLock", "withInterruptibleLock", "checkedWithInterruptibleLock",
                "lockInterruptibly"}) {
            builder.allowBlockingCallsInside("com.mongodb.internal.Locks", method);
        }
        // A BlockingOperationError thrown inside a driver callback can be swallowed and surface only as a
        // hung request; printing it first makes every slip visible in the test output.
        builder.blockingMethodCallback(method -> {
            Error error = new BlockingOperationError(method);
            error.printStackTrace();
            throw error;
        });
    }
}
