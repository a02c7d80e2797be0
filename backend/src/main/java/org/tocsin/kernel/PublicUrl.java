package org.tocsin.kernel;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where people reach this Tocsin ({@code tocsin.public-url}): the base of links in
 *        feeds and the host in event UIDs. UIDs must never change, so set it once for production.
 */
@ConfigurationProperties("tocsin")
public record PublicUrl(URI publicUrl) {

    public PublicUrl {
        if (publicUrl == null) {
            publicUrl = URI.create("http://localhost:8080");
        }
    }

    /** Without a trailing slash, ready for a path. */
    public String base() {
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public String host() {
        return publicUrl.getHost();
    }

    /** The same address for calendar apps: webcal:// opens a subscription dialog instead of a download. */
    public String webcal(String path) {
        return base().replaceFirst("^https?", "webcal") + path;
    }
}
