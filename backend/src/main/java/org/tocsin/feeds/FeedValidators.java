package org.tocsin.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.tocsin.events.FeedSelection;
import org.tocsin.text.Language;

/**
 * A feed's validators and caching headers, the same on a 200 and on the 304 that answers a
 * revalidation: the ETag names the scope, the content version, the format and the language.
 */
record FeedValidators(String etag, Instant lastModified, boolean isPublic) {

    /**
     * The language is part of the ETag (English, what the feeds always wrote, adds nothing): the rendered
     * feeds are kept by ETag, and a client holding one language's body must never get a 304 for another.
     */
    static FeedValidators of(FeedScope scope, FeedSelection.Version version, String format, Language language) {
        return new FeedValidators(
                "\"" + Integer.toHexString(scope.key().hashCode()) + "-" + version.tag() + "-" + format
                        + (language == Language.EN ? "" : "-" + language.tag()) + "\"",
                version.lastModified().truncatedTo(ChronoUnit.SECONDS),
                scope.isPublic());
    }

    /**
     * One event's download ({@code /events/{id}.ics}): the ETag is a digest of the very bytes this caller
     * gets, so it changes when what they can read changes and never with anything withheld from them
     * (RSVPs, an exact place for attendees only, another caller's view); public when anyone may read it.
     */
    static FeedValidators ofBody(byte[] body, Instant lastModified, boolean isPublic) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        return new FeedValidators(
                "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "-ics\"",
                lastModified.truncatedTo(ChronoUnit.SECONDS),
                isPublic);
    }

    /** {@code maxAge}: {@code tocsin.feeds.max-age}, how long calendar apps and shared caches (nginx) may reuse it. */
    void writeTo(HttpHeaders headers, Duration maxAge) {
        CacheControl cache = CacheControl.maxAge(maxAge);
        headers.setCacheControl((isPublic ? cache.cachePublic() : cache.cachePrivate()).getHeaderValue());
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (isPublic) {
            headers.setAccessControlAllowOrigin("*");
        }
    }
}
