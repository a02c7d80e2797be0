package org.tocsin.support;

import reactor.blockhound.BlockHound;
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
    }
}
