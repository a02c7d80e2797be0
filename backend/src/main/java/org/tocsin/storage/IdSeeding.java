package org.tocsin.storage;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Initialises {@link Randomness} (through {@link Ids}) on the start-up thread: its class initialisation
 * seeds the DRBG from the OS entropy source, a blocking read that must not fall to the first request's
 * event-loop thread.
 */
@Component
class IdSeeding implements SmartInitializingSingleton {

    @Override
    public void afterSingletonsInstantiated() {
        Ids.isWellFormed("");
    }
}
