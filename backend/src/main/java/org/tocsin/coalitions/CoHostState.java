package org.tocsin.coalitions;

/**
 * Where a co-hosting invitation stands. Only ACCEPTED puts the invited organization on the event; PENDING
 * and DECLINED change nothing anyone else reads, and ENDED (by either side) takes it off again.
 */
public enum CoHostState {
    PENDING,
    ACCEPTED,
    DECLINED,
    ENDED
}
