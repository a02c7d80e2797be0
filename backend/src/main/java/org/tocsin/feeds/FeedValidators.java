package org.tocsin.feeds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.tocsin.events.FeedSelection;

/**
 * A feed's validators and caching headers, the same on a 200 and on the 304 that answers a
 * revalidation: the ETag names the scope, the content version and the format.
 */
record FeedValidators(String etag, Instant lastModified, boolean isPublic) {

    static FeedValidators of(FeedScope scope, FeedSelection.Version version, String format) {
        return new FeedValidators(
                "\"" + Integer.toHexString(scope.key().hashCode()) + "-" + version.tag() + "-" + format + "\"",
                version.lastModified().truncatedTo(ChronoUnit.SECONDS),
                scope.isPublic());
    }

    void writeTo(HttpHeaders headers) {
        CacheControl cache = CacheControl.maxAge(FeedController.PUBLIC_MAX_AGE);
        headers.setCacheControl((isPublic ? cache.cachePublic() : cache.cachePrivate()).getHeaderValue());
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (isPublic) {
            headers.setAccessControlAllowOrigin("*");
        }
    }
}
