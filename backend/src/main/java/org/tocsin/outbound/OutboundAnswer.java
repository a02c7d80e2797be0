package org.tocsin.outbound;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * An answer to an outbound request, its body read whole (within the size limit).
 *
 * @param uri where the answer came from, after redirects
 * @param latency from the first connection to the last byte
 */
public record OutboundAnswer(int status, HttpHeaders headers, byte[] body, URI uri, Duration latency) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
