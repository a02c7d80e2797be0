package org.tocsin.storage;

import org.bson.types.ObjectId;

/**
 * New document ids. MongoDB ObjectIds: unique across replicas without coordination, sortable by
 * creation, and made without reading the OS entropy device on a request thread (as
 * {@code UUID.randomUUID()} does). Ids are names, never secrets: capabilities use SecretTokens.
 */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return new ObjectId().toHexString();
    }
}
