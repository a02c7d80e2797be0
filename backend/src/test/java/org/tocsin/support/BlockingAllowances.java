package org.tocsin.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound runs in every test and fails any blocking call on a non-blocking thread. Allowed:
 * the embedded MongoDB server answers on its own Netty threads (not the web server's) and writes
 * its H2 file there by design; Hibernate Validator reads its message bundle from the jar once per
 * locale and caches it, which is no more blocking than class loading; springdoc builds the OpenAPI
 * document once (scanning the classpath) and caches it: the app pre-loads it at start-up, but a
 * request that comes in before that is done waits for it, once. The MongoDB driver's async path
 * guards a few tiny critical sections with locks on the Netty threads it runs on (reading a reply,
 * queueing a connection request); under CPU load they are contended now and then, and a
 * BlockingOperationError thrown inside the driver is swallowed and hangs the request.
 *
 * <p>Every blocking call found is also printed with its stack before the error is thrown: when the
 * error is thrown inside a library callback that swallows it, the request just hangs, and the log
 * is the only trace.
 */
public class BlockingAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        for (String method : new String[] {"channelRead0", "channelActive", "channelInactive"}) {
            builder.allowBlockingCallsInside("de.bwaldvogel.mongo.wire.MongoDatabaseHandler", method);
        }
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        // The MongoDB driver guards its connection pool with short internal locks; under contention a
        // thread parks for microseconds. That is the driver's design, not I/O on the event loop.
        for (String method : new String[] {
            "withLock", "checkedWithLock", "withInterruptibleLock", "checkedWithInterruptibleLock", "lockInterruptibly"
        }) {
            builder.allowBlockingCallsInside("com.mongodb.internal.Locks", method);
        }
        // springdoc builds its document once (pre-loaded at start-up; a racing first request waits for it);
        // the driver's Netty stream and pool hand work over under short locks.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
        builder.allowBlockingCallsInside("com.mongodb.internal.connection.netty.NettyStream", "handleReadResponse");
        builder.allowBlockingCallsInside(
                "com.mongodb.internal.connection.DefaultConnectionPool$AsyncWorkManager", "enqueue");
        // Jackson builds a type's deserializer once, under a lock; concurrent first requests of a fresh
        // instance wait for it (seen with 100 RSVPs hitting a just-started second instance). Like class loading.
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // Hibernate Validator likewise builds a bean's constraint metadata once, in a segment-locked map; the
        // same concurrent first requests of a fresh instance park there for an instant (seen once in CI).
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl", "getBeanMetaData");
        // iCal4j expands BYDAY in a parallel stream and joins it: the thread waits for common-pool workers doing
        // the same CPU-bound expansion it would otherwise do itself, of a rule RecurrenceBounds has bounded. No
        // I/O; it parks only when a worker took part of the work (seen once in CI, on an event's view).
        for (String filter : new String[] {"Weekly", "Monthly", "Yearly"}) {
            builder.allowBlockingCallsInside(
                    "net.fortuna.ical4j.transform.recurrence.ByDayRule$" + filter + "ExpansionFilter", "apply");
        }
        // Netty 4.2's buffer allocator takes a StampedLock when it adds a magazine under contention (two threads
        // writing at once on a busy machine); a park of microseconds in memory management, no I/O (seen once in
        // CI, in ApiFuzzTest's WebClient).
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        // A BlockingOperationError thrown inside a driver callback can be swallowed and surface only as a
        // hung request; printing it first makes every slip visible in the test output.
        builder.blockingMethodCallback(method -> {
            Error error = new BlockingOperationError(method);
            error.printStackTrace();
            throw error;
        });
    }
}
