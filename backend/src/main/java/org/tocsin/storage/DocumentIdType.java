package org.tocsin.storage;

import org.bson.types.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a collection's documents map (its {@code _id}s): H2's {@code ObjectDataType}, same file format
 * and same order, but two {@code ObjectId}s are compared directly. {@code ObjectDataType} compares keys it stores
 * Java-serialised through a cache of the last type it saw, which H2's background writer changes from its own
 * thread: such a comparison then failed now and then with "Can not compare" (docs/architecture.md). Tocsin's own
 * ids are strings, which do not take that path; documents kept from before ids were random may have ObjectIds.
 */
final class DocumentIdType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof ObjectId first && b instanceof ObjectId second) {
            // What ObjectDataType does for two serialised objects of one Comparable class, without its cache.
            return first.compareTo(second);
        }
        return super.compare(a, b);
    }
}
