package org.tocsin.kernel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links people type (online meeting rooms, campaign materials): web addresses only, never credentials in them. */
public final class WebLinks {

    private WebLinks() {}

    /** An http(s) URL with a host and no user-info part ({@code https://user:pass@host} is refused). */
    public static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
