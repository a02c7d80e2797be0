package org.tocsin.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of every outbound request ({@code tocsin.outbound.*}).
 *
 * @param allowLoopback lets requests reach 127.0.0.0/8 and ::1: only for tests, whose servers run on loopback
 * @param connectTimeout to open one connection
 * @param readTimeout the longest silence while waiting for the answer or its body
 * @param totalTimeout the whole request, redirects and body included (a slow drip of bytes ends here)
 * @param maxBodyBytes answers larger than this are refused (as announced, or once that many bytes came)
 * @param maxRedirects redirects followed before giving up
 */
@ConfigurationProperties("tocsin.outbound")
public record OutboundProperties(
        boolean allowLoopback,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        Integer maxBodyBytes,
        Integer maxRedirects) {

    public OutboundProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        totalTimeout = totalTimeout == null ? Duration.ofSeconds(30) : totalTimeout;
        maxBodyBytes = maxBodyBytes == null ? 5 * 1024 * 1024 : maxBodyBytes;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
    }
}
