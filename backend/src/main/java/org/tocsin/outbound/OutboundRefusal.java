package org.tocsin.outbound;

/**
 * An outbound request that did not get an answer: refused address, scheme or size, too many redirects, a
 * timeout, or a failed connection. The message says which in words safe to show to the organization that
 * gave the URL (no internal addresses, no stack).
 */
public final class OutboundRefusal extends RuntimeException {

    OutboundRefusal(String message) {
        super(message, null, false, false);
    }
}
