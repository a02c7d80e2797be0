package org.tocsin.moderation;

/** Why something is reported. */
public enum ReportCategory {
    /** A fake event, or a decoy meant to draw people somewhere. */
    FAKE_EVENT,
    SPAM,
    INCITEMENT,
    /** It publishes someone's private details. */
    DOXXING,
    OTHER
}
