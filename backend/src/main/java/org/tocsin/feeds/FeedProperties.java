package org.tocsin.feeds;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where people reach this Tocsin ({@code tocsin.public-url}): the base of links in
 *        feeds and the host in event UIDs. UIDs must never change, so set it once for production.
 */
@ConfigurationProperties("tocsin")
public record FeedProperties(URI publicUrl) {

    public FeedProperties {
        if (publicUrl == null) {
            publicUrl = URI.create("http://localhost:8080");
        }
    }

    String base() {
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    String host() {
        return publicUrl.getHost();
    }
}
