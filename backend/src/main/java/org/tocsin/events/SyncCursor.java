package org.tocsin.events;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.tocsin.kernel.Dates;
import org.tocsin.kernel.Refusal;

/**
 * A position in one of the delta-sync feeds: after the item changed at {@code at} with the id {@code id}
 * (an empty id: before everything changed at {@code at}). Opaque to partners (base64url of the feed's
 * letter, the epoch millisecond and the id). It names only the position of an item the caller was
 * given, or of the instant they asked from, so it tells nothing of what they may not read; a forged
 * one only moves them within their own feed.
 */
record SyncCursor(char feed, Instant at, String id) {

    static final char CHANGES = 'c';
    static final char REMOVALS = 'r';
    static final int MAX_LENGTH = 120;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{0,40}");

    static SyncCursor from(char feed, Instant at) {
        return new SyncCursor(feed, at, "");
    }

    String encode() {
        String raw = feed + "|" + at.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of {@code feed} in {@code text}; a 400 naming {@code cursor} for anything this API did not give out. */
    static SyncCursor decode(char feed, String text) {
        if (text.length() > MAX_LENGTH) {
            throw Refusal.invalid("cursor", "may be at most " + MAX_LENGTH + " characters");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3
                    || parts[0].length() != 1
                    || parts[0].charAt(0) != feed
                    || !ID.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException("not a cursor of this feed");
            }
            Instant at = Dates.requireInRange("cursor", Instant.ofEpochMilli(Long.parseLong(parts[1])));
            return new SyncCursor(feed, at, parts[2]);
        } catch (IllegalArgumentException | DateTimeException | Refusal e) {
            throw Refusal.invalid("cursor", "is not a cursor this feed gave out");
        }
    }
}
